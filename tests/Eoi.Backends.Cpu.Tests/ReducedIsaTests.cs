using System.Diagnostics;

namespace Eoi.Backends.Cpu.Tests;

/// <summary>
/// Re-runs <see cref="KernelSmokeTests"/> in a child process of this very test executable with the
/// AVX-512 path and then every SIMD path turned off, so the 256-bit and scalar fallbacks are exercised
/// on a machine that would otherwise always take the widest path.
/// </summary>
public class ReducedIsaTests
{
    static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData("DOTNET_EnableAVX512")]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    public async Task SmokeTestsPassWithKnobOff(string knob)
    {
        var start = ChildStart();
        start.Environment[knob] = "0";
        using var child = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(ChildTimeout);
        Task<string> output = child.StandardOutput.ReadToEndAsync(timeout.Token), errors = child.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            Assert.Fail($"{knob}=0: the child test run did not finish within {ChildTimeout.TotalSeconds} s");
        }
        string report = await output + await errors;
        Assert.True(child.ExitCode == 0, $"{knob}=0: child test run exited with {child.ExitCode}\n{report}");
        // A filter that matched nothing would also exit 0: insist that every smoke test ran.
        int smokeTests = typeof(KernelSmokeTests).GetMethods().Count(m => m.IsDefined(typeof(FactAttribute), true));
        Assert.True(report.Contains($"Total: {smokeTests}, Errors: 0, Failed: 0"), $"{knob}=0: expected {smokeTests} smoke tests to pass\n{report}");
    }

    /// <summary>The test host is either this project's own executable or `dotnet` running its dll. Without
    /// `--server` the xunit v3 entry point runs its own console runner, whose class filter is `-class`.</summary>
    static ProcessStartInfo ChildStart()
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(ReducedIsaTests).Assembly.Location);
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(KernelSmokeTests).FullName!);
        start.ArgumentList.Add("-noColor");
        // Variables through which `dotnet test` talks to its test host must not leak into the child.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        return start;
    }
}
