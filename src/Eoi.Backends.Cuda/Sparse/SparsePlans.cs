using System.Runtime.CompilerServices;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>The <see cref="PatternPlan"/> of each pattern, keyed by the pattern object itself: a plan lives as
/// long as its pattern (its workspaces are freed by their finalizers once both are unreachable) or until the
/// backend is disposed.</summary>
sealed class SparsePlans : IDisposable
{
    readonly ConditionalWeakTable<DeviceCsrPattern, PatternPlan> plans = new();

    /// <summary>The pattern's plan; the first time, <paramref name="checkStructure"/> runs before one is made.</summary>
    public PatternPlan For(DeviceCsrPattern pattern, Action<DeviceCsrPattern> checkStructure)
    {
        if (plans.TryGetValue(pattern, out var plan)) return plan;
        checkStructure(pattern);
        plan = new PatternPlan();
        plans.Add(pattern, plan);
        return plan;
    }

    public void Dispose()
    {
        foreach (var (_, plan) in plans) plan.Dispose();
        plans.Clear();
    }
}
