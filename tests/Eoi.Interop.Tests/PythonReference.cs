using System.Diagnostics;

namespace Eoi.Interop.Tests;

/// <summary>
/// Runs interop/python/eoi_reference.py, the independent NumPy re-implementation of docs/SPEC.md, with the
/// first python3 that can import numpy (Debian's /usr/bin/python3 with python3-numpy first). Tests skip,
/// naming the reason, when there is none.
/// </summary>
static class PythonReference
{
    static readonly Lazy<string?> Interpreter = new(FindInterpreter);

    public static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "interop", "python", "eoi_reference.py");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("interop/python/eoi_reference.py not found above " + AppContext.BaseDirectory);
        }
    }

    public static string[] Run(params string[] args)
    {
        string? python = Interpreter.Value;
        Assert.SkipWhen(python is null, "no python3 with numpy found (tried /usr/bin/python3 and python3 on PATH); install Debian's python3-numpy");
        var (code, stdout, stderr) = Execute(python!, [Script, .. args]);
        Assert.True(code == 0, $"eoi_reference.py {string.Join(' ', args)} failed ({code}): {stderr}");
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    static string? FindInterpreter()
    {
        foreach (string candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Execute(candidate, ["-c", "import numpy"]).Code == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception) { } // not installed
        }
        return null;
    }

    static (int Code, string Stdout, string Stderr) Execute(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
