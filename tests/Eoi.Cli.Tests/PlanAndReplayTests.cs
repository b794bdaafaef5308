namespace Eoi.Cli.Tests;

public class PlanAndReplayTests
{
    [Theory]
    [InlineData("w.npy", "float64")]
    [InlineData("w.safetensors", "float64")]
    [InlineData("w.safetensors", "float32")]
    [InlineData("w.mtx", "float64")]
    public void Replaying_a_saved_plan_gives_the_bytes_of_generate(string name, string dtype)
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("generated-" + name), "--dtype", dtype, "--gain", "1.5", "--mask-out", dir.File("generated-mask.npy")));
        Tool.Succeed("plan", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", dir.File("w.plan.jsonl"));

        Tool.Succeed("replay", dir.File("w.plan.jsonl"), "--dtype", dtype, "--gain", "1.5", "-o", dir.File("replayed-" + name), "--mask-out", dir.File("replayed-mask.npy"));

        Assert.Equal(File.ReadAllBytes(dir.File("generated-" + name)), File.ReadAllBytes(dir.File("replayed-" + name)));
        Assert.Equal(File.ReadAllBytes(dir.File("generated-mask.npy")), File.ReadAllBytes(dir.File("replayed-mask.npy")));
    }

    [Fact]
    public void Generate_writes_the_same_plan_as_plan()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy"), "--rule", "exact-count", "--plan-out", dir.File("from-generate.jsonl")));
        Tool.Succeed("plan", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "--rule", "exact-count", "-o", dir.File("from-plan.jsonl"));

        Assert.Equal(File.ReadAllBytes(dir.File("from-generate.jsonl")), File.ReadAllBytes(dir.File("from-plan.jsonl")));
    }

    [Fact]
    public void Plan_prints_its_summary_and_the_first_rotations()
    {
        var result = Tool.Succeed("plan", "--rows", "5", "--cols", "8", "--density", "0.5", "--seed", "3", "--show", "2");

        Assert.Contains("rotation plan", result.Stdout);
        Assert.Contains("first 2 of", result.Stdout);
        Assert.Contains("theta", result.Stdout);
    }

    [Fact]
    public void A_conv_kernel_checks_against_the_plan_of_its_centre()
    {
        using var dir = new TempDirectory();
        Tool.Succeed("generate", "--kind", "conv", "--rows", "16", "--cols", "24", "--density", "0.2", "--seed", "5",
                    "-o", dir.File("k.npy"), "--plan-out", dir.File("centre.plan.jsonl"));

        var check = Tool.Succeed("check", dir.File("k.npy"), "--plan", dir.File("centre.plan.jsonl"), "--density", "0.2");

        Assert.Contains("0 (bit-exact)", check.Stdout);
    }
}
