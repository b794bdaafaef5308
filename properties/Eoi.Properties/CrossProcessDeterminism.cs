using System.Diagnostics;
using System.Runtime.Intrinsics.X86;
using Eoi.Orthogonal.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Properties;

/// <summary>
/// The same cases generated in a child process with AVX-512 switched off must give the same bits, so a
/// vectorised code path can never make the output depend on the CPU. The child is this test assembly run
/// with a filter selecting <see cref="WriteHashesForParent"/>, which only runs when the parent asks for it.
/// The cases are the determinism property's generators sampled from a fixed seed, PropertyRuns.Count of each.
/// </summary>
public class CrossProcessDeterminism
{
    const string HashFileVariable = "EOI_DETERMINISM_HASH_FILE";

    public static bool IsChild => Environment.GetEnvironmentVariable(HashFileVariable) is { Length: > 0 };

    /// <summary>Fixed cases (a fixed FsCheck seed), so parent and child draw the same ones.</summary>
    static IEnumerable<string> CaseHashes()
    {
        var rnd = new Rnd(seed: 20240603, gamma: 0x9E37_79B9_7F4A_7C15);
        foreach (var c in Generators.Matrices().Generator.Sample(50, rnd, PropertyRuns.Count))
            yield return $"{c} {DenseHash.Sha256(c.Generate().ToDense().Data)}";
        foreach (var c in Generators.Kernels().Generator.Sample(50, rnd, PropertyRuns.Count))
        {
            var kernel = c.Generate();
            yield return $"{c} {DenseHash.Sha256(kernel.Values.Data)} {DenseHash.Sha256(kernel.Mask.Data)}";
        }
    }

    [Fact(SkipUnless = nameof(IsChild), Skip = "runs only as the child of SameBitsWithoutAvx512")]
    public void WriteHashesForParent() =>
        File.WriteAllLines(Environment.GetEnvironmentVariable(HashFileVariable)!,
                           [$"avx512 {Avx512F.IsSupported}", .. CaseHashes()]);

    [Fact(SkipWhen = nameof(IsChild), Skip = "is the child's parent")]
    public async Task SameBitsWithoutAvx512()
    {
        string hashFile = Path.GetTempFileName();
        try
        {
            string assembly = typeof(CrossProcessDeterminism).Assembly.Location;
            // `dotnet test` names the host it runs under; a bare `dotnet` on PATH is the fallback.
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                // The xunit v3 in-process runner's own command line, not Microsoft.Testing.Platform's.
                ArgumentList = { "exec", assembly, "-noLogo", "-method", $"{typeof(CrossProcessDeterminism).FullName}.{nameof(WriteHashesForParent)}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment[HashFileVariable] = hashFile;
            // .NET 10's switch for all of AVX-512 (the older EnableAVX512F is ignored); the child reports
            // Avx512F.IsSupported so a switch that stops working fails this test instead of passing vacuously.
            start.Environment["DOTNET_EnableAVX512"] = "0";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            using var child = Process.Start(start)!;
            var output = child.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = child.StandardError.ReadToEndAsync(timeout.Token);
            await child.WaitForExitAsync(timeout.Token);
            Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {await output}{await errors}");

            var childLines = File.ReadAllLines(hashFile);
            Assert.True(childLines.Length > 0, $"the child wrote no hashes: {await output}");
            Assert.Equal("avx512 False", childLines[0]);
            Assert.Equal(CaseHashes(), childLines.Skip(1));
        }
        finally
        {
            File.Delete(hashFile);
        }
    }
}
