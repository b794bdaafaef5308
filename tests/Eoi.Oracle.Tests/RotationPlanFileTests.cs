using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle.Tests;

public sealed class RotationPlanFileTests
{
    [Theory]
    [InlineData(6, 9, StoppingRule.Paper, true)]
    [InlineData(9, 6, StoppingRule.ExactCount, false)]
    [InlineData(1, 1, StoppingRule.Paper, true)]
    public void WriteThenRead_RoundTripsEveryField(int rows, int cols, StoppingRule rule, bool withKey)
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var plan = RandomPlan(rows, cols, rule, withKey ? new RngKey(0xDEADBEEF, 7) : null, count: 40, seed: rows * cols);

        RotationPlanFile.Write(path, plan);
        var read = RotationPlanFile.Read(path);

        AssertSamePlan(plan, read);
    }

    [Fact]
    public void Doubles_RoundTripBitExactlyOverRandomBitPatterns()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var random = new System.Random(1234);
        var values = new List<double> { -0.0, 0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014E-308, 1e21, 1e-7, 123456789.0 };
        while (values.Count < 3000)
        {
            double v = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(v))
                values.Add(v);
        }
        // Any finite angle, with its own cosine and sine (a reader refuses values that are not a rotation).
        var rotations = new List<GivensRotation>();
        for (int k = 0; k < values.Count; k++)
            rotations.Add(new GivensRotation(0, 1 + k % 3, values[k], Math.Cos(values[k]), Math.Sin(values[k])));
        var plan = new RotationPlan(3, 4, 0.5, StoppingRule.Paper, null, rotations);

        RotationPlanFile.Write(path, plan);

        AssertSamePlan(plan, RotationPlanFile.Read(path));
    }

    [Fact]
    public void Write_ProducesTheDocumentedJsonLines()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var plan = new RotationPlan(2, 3, 0.5, StoppingRule.ExactCount, new RngKey(1, uint.MaxValue),
                                    [new GivensRotation(0, 2, -0.0, 1, 1e-300), new GivensRotation(1, 2, 0.25, 0.96875, -3)]);

        RotationPlanFile.Write(path, plan);

        Assert.Equal(
            $"{{\"format\":\"eoi-rotation-plan\",\"version\":1,\"rows\":2,\"cols\":3,\"target_density\":0.5,\"rule\":\"exact-count\",\"key\":[1,4294967295],\"rotations\":2,\"nnz\":{plan.NonZeros}}}\n" +
            "{\"i\":0,\"j\":2,\"theta\":-0.0,\"cos\":1.0,\"sin\":1E-300}\n" +
            "{\"i\":1,\"j\":2,\"theta\":0.25,\"cos\":0.96875,\"sin\":-3.0}\n",
            File.ReadAllText(path));
    }

    [Fact]
    public void Write_PlanWithoutRotationsOrKey()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var plan = new RotationPlan(4, 4, 0.25, StoppingRule.Paper, null, []);

        RotationPlanFile.Write(path, plan);

        Assert.Contains("\"key\":null,\"rotations\":0,\"nnz\":4}", File.ReadAllText(path));
        AssertSamePlan(plan, RotationPlanFile.Read(path));
    }

    [Theory]
    [InlineData(0, "\"format\":\"eoi-rotation-plan\"", "\"format\":\"something-else\"", "line 1: not a rotation plan: format is 'something-else'")]
    [InlineData(0, "\"version\":1", "\"version\":2", "line 1: unsupported rotation plan version 2; this reader understands version 1")]
    [InlineData(0, "\"version\":1,", "", "line 1: the header has no 'version'")]
    [InlineData(0, "\"nnz\"", "\"extra\":1,\"nnz\"", "line 1: the header has unexpected key 'extra'")]
    [InlineData(0, "\"rows\":3", "\"rows\":0", "line 1: rows must be an integer in [1, 2147483647]; got 0")]
    [InlineData(0, "\"cols\":4", "\"cols\":4.5", "cols must be an integer")]
    [InlineData(0, "\"target_density\":0.5", "\"target_density\":1.5", "target_density must be in (0, 1]; got 1.5")]
    [InlineData(0, "\"target_density\":0.5", "\"target_density\":\"0.5\"", "target_density must be a finite number")]
    [InlineData(0, "\"rule\":\"paper\"", "\"rule\":\"fast\"", "rule 'fast' is unknown; expected one of paper, exact-count")]
    [InlineData(0, "\"key\":[5,6]", "\"key\":[5]", "key must be null or [k0, k1]")]
    [InlineData(0, "\"key\":[5,6]", "\"key\":[5,-6]", "key words must be unsigned 32-bit integers; got -6")]
    [InlineData(0, "\"rotations\":3", "\"rotations\":4", "the header announces 4 rotations but the file holds only 3")]
    [InlineData(0, "\"rotations\":3", "\"rotations\":2", "line 4: more lines than the 2 rotations the header announces")]
    [InlineData(0, "{", "[", "line 1: the header is not valid JSON")]
    [InlineData(1, "\"i\":0", "\"i\":3", "line 2: rotation 0 needs 0 <= i < j < 4 (the long side); got i = 3, j = 1")]
    [InlineData(1, "\"j\":1", "\"j\":4", "line 2: rotation 0 needs 0 <= i < j < 4 (the long side); got i = 0, j = 4")]
    [InlineData(2, "\"i\":1", "\"i\":-1", "line 3: i must be an integer in [0, 2147483647]; got -1")]
    [InlineData(1, "\"theta\":0.5", "\"theta\":1e400", "line 2: theta must be a finite number; got 1e400")]
    [InlineData(1, "\"cos\":", "\"cosine\":", "line 2: rotation 0 has unexpected key 'cosine'")]
    [InlineData(1, "\"cos\":0.8775825618903728", "\"cos\":2.0", "line 2: rotation 0: cos^2 + sin^2 must be 1 within")]
    [InlineData(1, "\"sin\":0.479425538604203", "\"sin\":0.4794255386", "line 2: rotation 0: cos^2 + sin^2 must be 1 within")]
    [InlineData(1, "\"theta\":0.5", "\"theta\":0.6", "line 2: rotation 0: cos and sin must be those of theta within")]
    [InlineData(3, "\"sin\":0.0", "\"sin\":0.0,\"sin\":0.0", "line 4: rotation 2 lists 'sin' twice")]
    [InlineData(0, "\"nnz\":10", "\"nnz\":11", "the header says nnz = 11 but replaying the rotations gives 10 non-zeros")]
    public void Read_InvalidFile_NamesTheProblem(int line, string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        var plan = new RotationPlan(3, 4, 0.5, StoppingRule.Paper, new RngKey(5, 6),
            [new GivensRotation(0, 1, 0.5, Math.Cos(0.5), Math.Sin(0.5)), new GivensRotation(1, 3, 1, Math.Cos(1), Math.Sin(1)), new GivensRotation(2, 3, 0, 1, 0.0)]);
        RotationPlanFile.Write(path, plan);
        Assert.Equal(10, plan.NonZeros);
        string[] lines = File.ReadAllLines(path);
        Assert.Contains(find, lines[line]);
        lines[line] = ReplaceFirst(lines[line], find, replace);
        File.WriteAllLines(path, lines);

        var ex = Assert.Throws<EoiFormatException>(() => RotationPlanFile.Read(path));

        Assert.StartsWith(path + ": ", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("", "empty file")]
    [InlineData("\n", "line 1: the header is not valid JSON")]
    [InlineData("[1, 2]\n", "line 1: the header must be a JSON object; got Array")]
    public void Read_FileWithoutAHeaderObject(string text, string expected)
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        File.WriteAllText(path, text);

        Assert.Contains(expected, Assert.Throws<EoiFormatException>(() => RotationPlanFile.Read(path)).Message);
    }

    [Fact]
    public void Read_TrailingBlankLine_IsAnError()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plan.jsonl");
        RotationPlanFile.Write(path, new RotationPlan(2, 2, 1, StoppingRule.Paper, null, []));
        File.AppendAllText(path, "\n");

        Assert.Contains("line 2: more lines than the 0 rotations", Assert.Throws<EoiFormatException>(() => RotationPlanFile.Read(path)).Message);
    }

    static RotationPlan RandomPlan(int rows, int cols, StoppingRule rule, RngKey? key, int count, int seed)
    {
        var random = new System.Random(seed);
        int longSide = Math.Max(rows, cols);
        var rotations = new List<GivensRotation>();
        for (int t = 0; t < count && longSide > 1; t++)
        {
            int i = random.Next(longSide - 1);
            int j = random.Next(i + 1, longSide);
            double theta = random.NextDouble() * 2 * Math.PI;
            rotations.Add(new GivensRotation(i, j, theta, Math.Cos(theta), Math.Sin(theta)));
        }
        return new RotationPlan(rows, cols, 0.3, rule, key, rotations);
    }

    static void AssertSamePlan(RotationPlan expected, RotationPlan actual)
    {
        Assert.Equal((expected.Rows, expected.Cols, expected.Rule, expected.Key), (actual.Rows, actual.Cols, actual.Rule, actual.Key));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.TargetDensity), BitConverter.DoubleToInt64Bits(actual.TargetDensity));
        Assert.Equal(expected.Rotations.Count, actual.Rotations.Count);
        for (int t = 0; t < expected.Rotations.Count; t++)
        {
            GivensRotation e = expected.Rotations[t], a = actual.Rotations[t];
            Assert.Equal((e.I, e.J), (a.I, a.J));
            Assert.Equal(
                new[] { e.Theta, e.Cos, e.Sin }.Select(BitConverter.DoubleToInt64Bits),
                new[] { a.Theta, a.Cos, a.Sin }.Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.Equal(expected.NonZeros, actual.NonZeros);
        Assert.Equal(expected.Support.RowOffsets, actual.Support.RowOffsets);
        Assert.Equal(expected.Support.ColumnIndices, actual.Support.ColumnIndices);
    }

    static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
