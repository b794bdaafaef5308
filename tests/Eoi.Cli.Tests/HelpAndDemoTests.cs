namespace Eoi.Cli.Tests;

public class HelpAndDemoTests
{
    [Theory]
    [InlineData("generate")]
    [InlineData("check")]
    [InlineData("plan")]
    [InlineData("replay")]
    [InlineData("demo")]
    public void Every_command_has_help_with_examples(string command)
    {
        var result = Tool.Succeed(command, "--help");

        Assert.Contains($"eoi {command}", result.Stdout);
        Assert.Contains("Examples:", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void The_top_level_help_lists_every_command()
    {
        var result = Tool.Succeed("--help");

        foreach (string command in new[] { "generate", "check", "plan", "replay", "demo" })
            Assert.Contains(command, result.Stdout);
    }

    [Fact]
    public void The_demo_passes_in_a_temporary_directory()
    {
        using var dir = new TempDirectory();

        var result = Tool.Succeed("demo", "--dir", dir.File("demo"));

        Assert.Contains("PASS demo", result.Stdout);
        Assert.DoesNotContain("FAIL", result.Stdout);
        Assert.Contains("byte-identical", result.Stdout);
        Assert.True(File.Exists(dir.File("demo/conv-64x32x3x3.safetensors")));
    }
}
