using System.Runtime.ExceptionServices;

namespace Eoi.Sparsity;

/// <summary>
/// Runs independent per-layer work in parallel. Each layer writes only its own slot and draws from its own key,
/// so results do not depend on scheduling. Errors do not either: the error of the lowest-numbered failing layer is
/// rethrown as itself (not wrapped in an AggregateException), as a sequential loop would throw it.
/// </summary>
static class ParallelLayers
{
    public static void For(int count, Action<int> body)
    {
        var errors = new Exception?[count];
        Parallel.For(0, count, l =>
        {
            try { body(l); }
            catch (Exception e) { errors[l] = e; }
        });
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            ExceptionDispatchInfo.Capture(first).Throw();
    }
}
