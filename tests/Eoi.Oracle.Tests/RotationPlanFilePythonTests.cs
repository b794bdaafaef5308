using System.Buffers.Binary;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle.Tests;

/// <summary>Python's json module reads our plan files with the same bits. Skipped, with the reason, where no
/// Python with numpy is installed.</summary>
public sealed class RotationPlanFilePythonTests
{
    const string LoadPlanFile = """
        import sys, json, struct

        def bits(x):
            assert isinstance(x, float), f"{x!r} was not parsed as a float"
            return struct.pack("<d", x).hex()

        with open(sys.argv[1], encoding="utf-8") as f:
            lines = f.read().splitlines()
        header = json.loads(lines[0])
        print(header["format"], header["version"], header["rows"], header["cols"], bits(header["target_density"]),
              header["rule"], header["key"], header["rotations"], header["nnz"])
        for line in lines[1:]:
            r = json.loads(line)
            print(r["i"], r["j"], bits(r["theta"]), bits(r["cos"]), bits(r["sin"]))
        """;

    [Fact]
    public void PythonJsonReadsRotationPlanDoublesBitExactly()
    {
        string python = Python.Require();
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var random = new System.Random(99);
        var rotations = new List<GivensRotation> { new(0, 1, -0.0, 1, 0.0), new(1, 2, double.Epsilon, double.MaxValue, 1e21) };
        while (rotations.Count < 200)
        {
            double[] v = [.. Enumerable.Range(0, 3).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)))];
            if (v.All(double.IsFinite))
                rotations.Add(new GivensRotation(0, 2, v[0], v[1], v[2]));
        }
        var plan = new RotationPlan(3, 3, 0.1 + 0.2, StoppingRule.ExactCount, new RngKey(3, uint.MaxValue), rotations);
        RotationPlanFile.Write(path, plan);

        string[] lines = Python.Run(python, LoadPlanFile, path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal($"eoi-rotation-plan 1 3 3 {Bits(plan.TargetDensity)} exact-count [3, 4294967295] 200 {plan.NonZeros}", lines[0]);
        Assert.Equal(rotations.Select(g => $"{g.I} {g.J} {Bits(g.Theta)} {Bits(g.Cos)} {Bits(g.Sin)}"), lines[1..]);
    }

    static string Bits(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }
}
