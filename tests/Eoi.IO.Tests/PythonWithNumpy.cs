using System.ComponentModel;
using System.Diagnostics;

namespace Eoi.IO.Tests;

/// <summary>
/// Finds a Python 3 that can import numpy (Debian's /usr/bin/python3 with python3-numpy first, then
/// python3 on PATH) and runs scripts with it. Interop tests call <see cref="Require"/>, which skips the
/// test, with the reason, where there is none.
/// </summary>
static class PythonWithNumpy
{
    static readonly string[] Candidates = ["/usr/bin/python3", "python3"];
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly Lazy<(string? Python, string Reason)> Found = new(Find);

    public static string Require()
    {
        var (python, reason) = Found.Value;
        Assert.SkipWhen(python is null, reason);
        return python!;
    }

    /// <summary>Runs <paramref name="script"/> with <paramref name="args"/> (sys.argv[1:]) and returns its
    /// standard output; fails the test, showing standard error, when the script fails.</summary>
    public static string Run(string python, string script, params string[] args)
    {
        var (exitCode, output, error) = Execute(python, ["-c", script, .. args]);
        Assert.True(exitCode == 0, $"python exited with {exitCode}:\n{error}");
        return output;
    }

    static (string?, string) Find()
    {
        var attempts = new List<string>();
        foreach (string candidate in Candidates)
        {
            try
            {
                var (exitCode, _, error) = Execute(candidate, ["-c", "import numpy"]);
                if (exitCode == 0)
                    return (candidate, "");
                attempts.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (Win32Exception ex)
            {
                attempts.Add($"{candidate}: cannot be started ({ex.NativeErrorCode})");
            }
        }
        return (null, $"no Python 3 with numpy found ({string.Join("; ", attempts)}); install python3-numpy to run the interop tests");
    }

    static (int ExitCode, string Output, string Error) Execute(string python, string[] args)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} did not finish within {Timeout.TotalSeconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
