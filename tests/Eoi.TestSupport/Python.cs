using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace Eoi.TestSupport;

/// <summary>
/// Finds a Python 3 that can import a module (Debian's /usr/bin/python3 with python3-MODULE first, then python3
/// on PATH) and runs code or scripts with it. Tests call <see cref="Require"/>, which skips the test, naming the
/// reason, where there is none.
/// </summary>
public static class Python
{
    static readonly string[] Candidates = ["/usr/bin/python3", "python3"];
    static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(60);
    static readonly ConcurrentDictionary<string, Lazy<(string? Python, string Reason)>> Found = new(StringComparer.Ordinal);

    /// <summary>A Python 3 that imports <paramref name="module"/> (numpy, torch), or the test skips.</summary>
    public static string Require(string module = "numpy")
    {
        var (python, reason) = Found.GetOrAdd(module, m => new Lazy<(string?, string)>(() => Find(m))).Value;
        Assert.SkipWhen(python is null, reason);
        return python!;
    }

    /// <summary>Runs <paramref name="code"/> with <paramref name="args"/> (sys.argv[1:]) and returns its standard
    /// output; fails the test, showing standard error, when it fails.</summary>
    public static string Run(string python, string code, params string[] args) =>
        Succeed(python, ["-c", code, .. args], ProbeTimeout, "python -c");

    /// <summary>Runs the script file <paramref name="script"/> with <paramref name="args"/>, as <see cref="Run"/>.</summary>
    public static string RunScript(string python, string script, TimeSpan timeout, params string[] args) =>
        Succeed(python, [script, .. args], timeout, $"{System.IO.Path.GetFileName(script)} {string.Join(' ', args)}");

    static string Succeed(string python, string[] args, TimeSpan timeout, string what)
    {
        var (exitCode, output, error) = Execute(python, args, timeout);
        Assert.True(exitCode == 0, $"{what} exited with {exitCode}:\n{output}\n{error}");
        return output;
    }

    static (string?, string) Find(string module)
    {
        var attempts = new List<string>();
        foreach (string candidate in Candidates)
        {
            try
            {
                var (exitCode, _, error) = Execute(candidate, ["-c", "import " + module], ProbeTimeout);
                if (exitCode == 0)
                    return (candidate, "");
                attempts.Add($"{candidate}: {error.Trim().Split('\n')[^1]}");
            }
            catch (Win32Exception ex)
            {
                attempts.Add($"{candidate}: cannot be started ({ex.NativeErrorCode})");
            }
        }
        return (null, $"no Python 3 with {module} found ({string.Join("; ", attempts)}); install Debian's python3-{module} to run these tests");
    }

    static (int ExitCode, string Output, string Error) Execute(string python, string[] args, TimeSpan timeout)
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
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{python} did not finish within {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
