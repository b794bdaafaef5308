using System.Runtime.ExceptionServices;

namespace Eoi.Sparsity;

/// <summary>
/// Runs independent per-layer work in parallel. Each layer writes only its own slot and draws from its own key,
/// so results do not depend on scheduling. The first error is rethrown as itself (not wrapped in an
/// AggregateException), so a bad layer surfaces as the same EoiArgumentException a sequential loop would give.
/// </summary>
static class ParallelLayers
{
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
        }
    }
}
