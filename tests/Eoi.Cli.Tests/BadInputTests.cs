using System.Text;

namespace Eoi.Cli.Tests;

/// <summary>Every bad input ends in exit code 2 and exactly one "error:" line naming what was wrong.</summary>
public class BadInputTests
{
    static readonly string[] Plan = ["plan", "--rows", "100", "--cols", "784", "--seed", "1"];

    public static TheoryData<string[], string> BadOptions => new()
    {
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0", "--seed", "1", "-o", "w.npy"], "--density must be in [1/max(rows, cols), 1]" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "1.5", "--seed", "1", "-o", "w.npy"], "; got 1.5" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "NaN", "--seed", "1", "-o", "w.npy"], "--density must be in [1/max(rows, cols), 1] = [1/784, 1] = [0.0012755102040816326, 1]; got NaN" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.001", "--seed", "1", "-o", "w.npy"], "--density must be in [1/max(rows, cols), 1]" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "ten", "--seed", "1", "-o", "w.npy"], "--density must be in [1/max(rows, cols), 1]" },
        { [.. Plan, "--density", "0.0001"], "--density must be in [1/max(rows, cols), 1]" },
        { ["generate", "--kind", "conv", "--rows", "8", "--cols", "8", "--density", "0", "--seed", "1", "-o", "k.npy"], "--density must be in (0, 1]; got 0" },
        { ["generate", "--rows", "0", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", "w.npy"], "--rows must be an integer in [1, 2147483647]; got 0" },
        { ["generate", "--rows", "100", "--cols", "-3", "--density", "0.1", "--seed", "1", "-o", "w.npy"], "--cols must be an integer in [1, 2147483647]; got -3" },
        { ["generate", "--rows", "100000", "--cols", "100000", "--density", "0.1", "--seed", "1", "-o", "w.npy"], "--rows x --cols must be at most 2147483647 entries" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "-1", "-o", "w.npy"], "--seed must be an integer in [0, 2^64-1]; got -1" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "18446744073709551616", "-o", "w.npy"], "--seed must be an integer in [0, 2^64-1]" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "--gain", "-1", "-o", "w.npy"], "--gain must be a number in [1e-140, 1e140] (the range whose orthogonality bound g^2 eps is a finite, non-zero number); got -1" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "--gain", "Infinity", "-o", "w.npy"], "--gain must be a number in [1e-140, 1e140]" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", "w.txt"], "--output must end in .npy, .safetensors or .mtx; got '" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", "w.npy", "--mask-out", "m"], "--mask-out must end in" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", "w.npy", "--plan-out", "p.json"], "--plan-out must end in .jsonl" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", "w.npy", "--kernel", "3"], "--kernel applies only to --kind conv" },
        { ["generate", "--kind", "conv", "--rows", "8", "--cols", "8", "--density", "0.5", "--seed", "1", "--kernel", "2x3", "-o", "k.npy"], "--kernel must be K or KHxKW with odd sizes" },
        { ["generate", "--kind", "conv", "--rows", "8", "--cols", "8", "--density", "0.5", "--seed", "1", "-o", "k.mtx"], "--output cannot be .mtx for a rank-4 array" },
        { ["check", "w.npy", "--density", "0"], "--density must be in (0, 1]; got 0" },
        { ["check", "w.npy", "--gain", "0"], "--gain must be a number in [1e-140, 1e140]" },
        { ["check", "w.npy", "--rotations", "-5"], "--rotations must be an integer in [0, " },
        { ["check", "w.npy", "--gain", "1e200"], "--gain must be a number in [1e-140, 1e140]" },
        { ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "--gain", "1e308", "-o", "w.npy"], "--gain must be a number in [1e-140, 1e140]" },
        { ["check", "w.npy", "--computed-in", "float16"], "Argument 'float16' not recognized. Must be one of:" },
        { ["replay", "p.jsonl", "--accumulate", "float16", "-o", "w.npy"], "Argument 'float16' not recognized. Must be one of:" },
        { ["train", "--ai-iterations", "0"], "--ai-iterations must be an integer in [1, 2147483647]; got 0" },
        { ["check", "w.npy", "--mask", "mask.csv"], "--mask must end in" },
        { ["check", "w.npy", "--plan", "p.jsonl", "--reference", "r.npy"], "--plan and --reference" },
        { [.. Plan, "--density", "0.1", "--show", "-1"], "--show must be an integer in [0, 2147483647]; got -1" },
        { [.. Plan, "--density", "0.1", "-o", "plan.txt"], "--output must end in .jsonl" },
        { ["replay", "p.jsonl", "--gain", "abc", "-o", "w.npy"], "--gain must be a number in [1e-140, 1e140]" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_option_is_one_line_naming_it(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        var result = Tool.Run(WithPathsIn(dir, args));

        Tool.AssertOneErrorLine(result, expected);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("check", "missing.npy")]
    [InlineData("check", "missing.safetensors")]
    [InlineData("replay", "missing.jsonl", "-o", "w.npy")]
    public void A_missing_file_is_one_line_naming_it(params string[] args)
    {
        using var dir = new TempDirectory();
        var result = Tool.Run(WithPathsIn(dir, args));

        Tool.AssertOneErrorLine(result, $"{dir.File(args[1])}: file not found");
    }

    [Fact]
    public void A_missing_mask_file_is_one_line_naming_it()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy"), "--mask", dir.File("nope.npy")), $"{dir.File("nope.npy")}: file not found");
    }

    [Fact]
    public void A_file_of_unknown_extension_is_one_line_naming_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("w.csv"), "1,0\n0,1\n");

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.csv")), dir.File("w.csv"));
    }

    [Fact]
    public void A_truncated_npy_is_one_line_naming_the_file()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        byte[] bytes = File.ReadAllBytes(dir.File("w.npy"));
        File.WriteAllBytes(dir.File("w.npy"), bytes[..^100]);

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy")), dir.File("w.npy"));
    }

    [Fact]
    public void An_npy_whose_header_lies_about_its_shape_is_one_line_naming_the_file()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        byte[] bytes = File.ReadAllBytes(dir.File("w.npy"));
        int at = Encoding.ASCII.GetString(bytes, 0, 128).IndexOf("(100, 784)", StringComparison.Ordinal);
        Assert.True(at > 0, "the header holds the shape");
        Encoding.ASCII.GetBytes("(100, 785)").CopyTo(bytes, at);
        File.WriteAllBytes(dir.File("w.npy"), bytes);

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy")), dir.File("w.npy"));
    }

    [Fact]
    public void A_plan_of_another_shape_is_one_line_naming_the_option()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        Tool.Succeed("plan", "--rows", "50", "--cols", "100", "--density", "0.1", "--seed", "1", "-o", dir.File("other.jsonl"));

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy"), "--plan", dir.File("other.jsonl")), "--plan is for a 50 x 100 matrix");
    }

    [Fact]
    public void A_file_holding_the_transpose_of_the_plan_fails_its_check_saying_so()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        Tool.Succeed("plan", "--rows", "784", "--cols", "100", "--density", "0.1", "--seed", "1", "-o", dir.File("tall.jsonl"));

        var result = Tool.Run("check", dir.File("w.npy"), "--plan", dir.File("tall.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL", result.Stdout);
        Assert.Contains("plan shape", result.Stdout);
        Assert.Contains("transpose", result.Stdout);
    }

    [Theory]
    [InlineData("generate", "--rows", "10")]
    [InlineData("generate", "--rows", "10", "--cols", "10", "--density", "0.5", "--seed", "1", "--rule", "fastest", "-o", "w.npy")]
    [InlineData("frobnicate")]
    [InlineData("check", "w.npy", "--frobnicate")]
    [InlineData("generate", "--frobnicate", "--rows", "1")]
    [InlineData()]
    public void A_command_line_that_does_not_parse_gets_one_error_line_and_exit_2(params string[] args)
    {
        var result = Tool.Run(args);

        Tool.AssertOneErrorLine(result, "--help' for usage");
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_unexpected_exception_is_one_internal_error_line_and_exit_70()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = Cli.Run(null!, stdout, stderr);

        Assert.Equal(70, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("internal error: System.ArgumentNullException: ", line);
    }

    /// <summary>Relative file names in the arguments placed in the test's own directory.</summary>
    static string[] WithPathsIn(TempDirectory dir, string[] args) =>
        args.Select(a => Path.HasExtension(a) && !a.StartsWith('-') && !char.IsDigit(a[0]) ? dir.File(a) : a).ToArray();
}
