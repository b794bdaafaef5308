using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>
/// What the backend keeps per sparsity pattern: the fact that its structure passed the checks (done once,
/// since reading it back costs a synchronisation) and the cuSPARSE workspace of each (product, n, element
/// type) it has run with, sized by cuSPARSE's query on first use and reused after. A pattern is static, as
/// in static sparse training: its offsets and indices must not be rewritten after its first product.
/// </summary>
sealed class PatternPlan : IDisposable
{
    readonly Dictionary<(SparseProduct, int, ElementType), DeviceAllocation?> workspaces = [];

    /// <summary>False the first time a shape is seen; a known shape's workspace may be null (0 bytes needed).</summary>
    public bool TryGetWorkspace(SparseProduct product, int n, ElementType type, out DeviceAllocation? workspace) =>
        workspaces.TryGetValue((product, n, type), out workspace);

    public void AddWorkspace(SparseProduct product, int n, ElementType type, DeviceAllocation? workspace) =>
        workspaces.Add((product, n, type), workspace);

    public void Dispose()
    {
        foreach (var workspace in workspaces.Values) workspace?.Dispose();
        workspaces.Clear();
    }
}
