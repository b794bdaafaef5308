namespace Eoi.Cli.Tests;

public class GenerateAndCheckTests
{
    [Theory]
    [InlineData("w.npy", "float64")]
    [InlineData("w.npy", "float32")]
    [InlineData("w.safetensors", "float64")]
    [InlineData("w.safetensors", "float32")]
    [InlineData("w.mtx", "float64")]
    [InlineData("w.mtx", "float32")]
    public void A_generated_matrix_passes_the_check(string name, string dtype)
    {
        using var dir = new TempDirectory();
        var generated = Tool.Succeed(Tool.Generate100x784(dir.File(name), "--dtype", dtype, "--mask-out", dir.File("mask.npy")));
        Assert.Contains("row-orthogonal", generated.Stdout);

        var check = Tool.Run("check", dir.File(name), "--density", "0.1", "--mask", dir.File("mask.npy"));

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("PASS", check.Stdout);
        Assert.DoesNotContain("FAIL", check.Stdout);
        Assert.Contains(dtype == "float32" ? "(Float32)" : "(Float64)", check.Stdout);
        Assert.Equal("", check.Stderr);
    }

    [Fact]
    public void A_tall_matrix_is_column_orthogonal_and_passes()
    {
        using var dir = new TempDirectory();
        var generated = Tool.Succeed("generate", "--rows", "784", "--cols", "100", "--density", "0.1", "--seed", "2", "--gain", "2",
                                    "--rule", "exact-count", "-o", dir.File("w.safetensors"));
        Assert.Contains("column-orthogonal", generated.Stdout);

        var check = Tool.Succeed("check", dir.File("w.safetensors"));
        Assert.Contains("gain 2 from the metadata", check.Stdout);
    }

    [Theory]
    [InlineData("k.npy")]
    [InlineData("k.safetensors")]
    public void A_generated_conv_kernel_passes_the_check(string name)
    {
        using var dir = new TempDirectory();
        Tool.Succeed("generate", "--kind", "conv", "--rows", "64", "--cols", "32", "--kernel", "3x5", "--density", "0.1", "--seed", "3",
                    "--centre-rule", "more-nonzeros", "-o", dir.File(name), "--mask-out", dir.File("mask.npy"));

        var check = Tool.Run("check", dir.File(name), "--density", "0.1", "--centre-rule", "more-nonzeros", "--mask", dir.File("mask.npy"));

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("conv kernel 64 x 32 x 3 x 5", check.Stdout);
        Assert.Contains("delta condition", check.Stdout);
        Assert.DoesNotContain("FAIL", check.Stdout);
    }

    [Fact]
    public void A_wrong_target_density_fails_the_check()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));

        var check = Tool.Run("check", dir.File("w.npy"), "--density", "0.5");

        Assert.Equal(1, check.ExitCode);
        Assert.Contains("failing: density", check.Stdout);
    }

    [Fact]
    public void Output_for_a_file_or_pipe_is_plain_ascii_tables_and_one_verdict_line()
    {
        using var dir = new TempDirectory();
        var generated = Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        var check = Tool.Succeed("check", dir.File("w.npy"));

        string output = generated.Stdout + check.Stdout;
        Assert.DoesNotContain('\u001b', output);
        Assert.True(output.All(char.IsAscii), "only ASCII characters");
        Assert.All(output.Split('\n').Where(line => line.StartsWith('|') || line.StartsWith('+')), line => Assert.True(line.Length <= 120, line));
        Assert.Single(check.Stdout.Split('\n'), line => line.StartsWith("PASS ") && line.EndsWith("checks passed)"));
    }
}
