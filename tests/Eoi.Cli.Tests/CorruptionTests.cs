namespace Eoi.Cli.Tests;

public class CorruptionTests
{
    const int Entries = 100 * 784;

    [Theory]
    [InlineData("float64", 8)]
    [InlineData("float32", 4)]
    public void An_entry_changed_by_1e_6_fails_orthogonality(string dtype, int elementSize)
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy"), "--dtype", dtype));
        var npy = new NpyBytes(dir.File("w.npy"), Entries, elementSize);
        int entry = npy.LargestEntry();
        npy[entry] += 1e-6;
        npy.Save();

        // A .npy does not say how it was made; generate --dtype float32 rounds once.
        var check = Tool.Run("check", dir.File("w.npy"), "--density", "0.1", "--computed-in", dtype == "float32" ? "rounded-once" : "float64");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("FAIL", check.Stdout);
        Assert.Contains("failing: orthogonality", check.Stdout);
    }

    [Fact]
    public void An_entry_changed_by_1e_4_fails_a_float32_file_of_unstated_precision()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy"), "--dtype", "float32"));
        Assert.Equal(0, Tool.Run("check", dir.File("w.npy"), "--density", "0.1").ExitCode);
        var npy = new NpyBytes(dir.File("w.npy"), Entries, 4);
        int entry = npy.LargestEntry();
        npy[entry] += 1e-4;
        npy.Save();

        var check = Tool.Run("check", dir.File("w.npy"), "--density", "0.1");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("failing: orthogonality", check.Stdout);
    }

    [Fact]
    public void A_NaN_fails_the_finite_check()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        var npy = new NpyBytes(dir.File("w.npy"), Entries, 8);
        npy[12345] = double.NaN;
        npy.Save();

        var check = Tool.Run("check", dir.File("w.npy"));

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("failing: finite entries", check.Stdout);
    }

    [Theory]
    [InlineData("float64", 8)]
    [InlineData("float32", 4)]
    public void Check_with_the_plan_passes_the_generated_file_and_fails_a_corrupted_one(string dtype, int elementSize)
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy"), "--dtype", dtype, "--plan-out", dir.File("w.plan.jsonl")));

        var clean = Tool.Run("check", dir.File("w.npy"), "--plan", dir.File("w.plan.jsonl"));
        Assert.Equal(0, clean.ExitCode);
        Assert.Contains("0 (bit-exact)", clean.Stdout);

        // One ulp: orthogonality cannot see it, the bit-exact comparison must.
        var npy = new NpyBytes(dir.File("w.npy"), Entries, elementSize);
        int entry = npy.LargestEntry();
        npy[entry] = elementSize == 8 ? Math.BitIncrement(npy[entry]) : MathF.BitIncrement((float)npy[entry]);
        npy.Save();
        var corrupted = Tool.Run("check", dir.File("w.npy"), "--plan", dir.File("w.plan.jsonl"));

        Assert.Equal(1, corrupted.ExitCode);
        string verdict = corrupted.Stdout.Split('\n').Single(line => line.StartsWith("FAIL"));
        Assert.Contains("entries differing from reference", verdict);
    }

    [Fact]
    public void Check_with_a_reference_file_compares_bit_for_bit()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        Tool.Succeed(Tool.Generate100x784(dir.File("same.mtx")));
        Tool.Succeed("generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "2", "-o", dir.File("other.npy"));

        Assert.Equal(0, Tool.Run("check", dir.File("w.npy"), "--reference", dir.File("same.mtx")).ExitCode);
        var different = Tool.Run("check", dir.File("w.npy"), "--reference", dir.File("other.npy"));
        Assert.Equal(1, different.ExitCode);
        Assert.Contains("failing: entries differing from reference", different.Stdout);
    }
}
