using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// Owns every tensor created on this thread while it is the innermost open scope, and disposes them when it
/// is disposed, so a training step can free its activations (pooled host arrays, device memory) in one
/// place: <c>using (TensorScope.Begin()) { ...forward, backward, step... }</c>. A tensor that must outlive
/// the scope is handed to the enclosing one with <see cref="Keep"/>. Gradients are not scoped: a
/// tensor owns its <see cref="Tensor.Grad"/>.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic] static TensorScope? innermost;

    readonly TensorScope? outer;
    readonly List<Tensor> owned = [];
    bool disposed;

    TensorScope(TensorScope? outer) => this.outer = outer;

    public static TensorScope Begin() => innermost = new TensorScope(innermost);

    /// <summary>Makes the innermost open scope, if any, the owner of a new tensor.</summary>
    internal static void Adopt(Tensor tensor)
    {
        if (innermost is { } scope) scope.Take(tensor);
    }

    /// <summary>Moves <paramref name="tensor"/> from this scope to the enclosing scope (or to no scope, leaving
    /// its disposal to the caller) and returns it.</summary>
    public Tensor Keep(Tensor tensor)
    {
        if (tensor.Scope != this)
            throw new EoiArgumentException(nameof(tensor), "tensor must belong to this scope to be kept from it; it belongs to another or none");
        tensor.Scope = null;
        outer?.Take(tensor);
        return tensor;
    }

    void Take(Tensor tensor)
    {
        owned.Add(tensor);
        tensor.Scope = this;
    }

    public void Dispose()
    {
        if (disposed) return;
        if (innermost != this)
            throw new EoiException("tensor scopes must be disposed innermost first, on the thread that began them");
        disposed = true;
        innermost = outer;
        foreach (var tensor in owned)
            if (tensor.Scope == this) tensor.Dispose();
        owned.Clear();
    }
}
