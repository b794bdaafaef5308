namespace Eoi.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs <c>eoi</c> in-process through <see cref="Cli.Run"/>, as the executable would.</summary>
static class Tool
{
    /// <summary>Exit code 2 and exactly one stderr line, "error: ..." containing <paramref name="expected"/>,
    /// with no stack trace anywhere.</summary>
    public static void AssertOneErrorLine(RunResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("error: ", line);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    public static RunResult Run(params string[] args) => RunIn(new Dictionary<string, string>(), args);

    /// <summary>Runs with <paramref name="environment"/> as the only environment variables the command sees.</summary>
    public static RunResult RunIn(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int code = Cli.Run(args, stdout, stderr, name => environment.GetValueOrDefault(name));
        return new RunResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs and requires success, showing what went wrong otherwise.</summary>
    public static RunResult Succeed(params string[] args)
    {
        var result = Run(args);
        Assert.True(result.ExitCode == 0, $"eoi {string.Join(' ', args)} exited {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        return result;
    }

    /// <summary>The README's example layer: 100 x 784 at density 0.1, seed 1.</summary>
    public static string[] Generate100x784(string output, params string[] more) =>
        ["generate", "--rows", "100", "--cols", "784", "--density", "0.1", "--seed", "1", "-o", output, .. more];
}
