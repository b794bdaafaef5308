using System.Diagnostics;

namespace Eoi.Benchmarks.Cuda;

/// <summary>Milliseconds per call: the median, fastest and slowest of several rounds.</summary>
sealed record Measurement(double MedianMs, double MinMs, double MaxMs);

/// <summary>
/// A Stopwatch harness. GPU calls return before the device has run them, so each round queues several calls
/// and then waits for the device: the round's time over its calls is the throughput a training loop sees,
/// launch overhead included. Warm-up rounds come first (NVRTC compiles kernels on first use, the memory pool
/// fills, cuSPARSE sizes its workspaces).
/// </summary>
static class Timing
{
    public static Measurement Measure(Action call, Action synchronize, BenchmarkSettings settings)
    {
        for (int i = 0; i < settings.WarmupCalls; i++) call();
        synchronize();
        var perCall = new double[settings.Rounds];
        for (int round = 0; round < settings.Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < settings.CallsPerRound; i++) call();
            synchronize();
            perCall[round] = clock.Elapsed.TotalMilliseconds / settings.CallsPerRound;
        }
        Array.Sort(perCall);
        return new Measurement(perCall[perCall.Length / 2], perCall[0], perCall[^1]);
    }
}
