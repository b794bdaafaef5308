using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Core;

namespace Eoi.Nn.Modules;

/// <summary>
/// A piece of a network: a forward function of one tensor, its own trainable tensors and state, and named
/// children. Everything a trainer or checkpoint needs (parameters, weight layers, state) is collected by
/// walking the tree, with dotted paths such as "2.conv1" as names, so each module only describes itself.
/// </summary>
public abstract class Module : IDisposable
{
    /// <summary>Training mode (the default) or evaluation mode; only batch normalisation behaves differently.</summary>
    public bool IsTraining { get; private set; } = true;

    public abstract Tensor Forward(Tensor x);

    /// <summary>The direct sub-modules, in forward order, with names unique among siblings.</summary>
    public virtual IEnumerable<(string Name, Module Module)> Children => [];

    /// <summary>This module's own trainable tensors, named relative to it.</summary>
    protected virtual IEnumerable<(string Name, TrainableParameter Parameter)> OwnParameters => [];

    /// <summary>Adds this module's own state (parameters, masks, running statistics) under <paramref name="prefix"/>.</summary>
    protected virtual void ExportOwnState(string prefix, IDictionary<string, NdArray> state) { }

    /// <summary>Restores what <see cref="ExportOwnState"/> wrote.</summary>
    protected virtual void ImportOwnState(string prefix, IReadOnlyDictionary<string, NdArray> state) { }

    /// <summary>This module and every module below it, depth first in forward order, with dotted paths
    /// ("" for this one).</summary>
    public IEnumerable<(string Path, Module Module)> Descendants()
    {
        var stack = new Stack<(string, Module)>();
        stack.Push(("", this));
        while (stack.Count > 0)
        {
            var (path, module) = stack.Pop();
            yield return (path, module);
            foreach (var (name, child) in module.Children.Reverse())
                stack.Push((Join(path, name), child));
        }
    }

    public void SetTraining(bool training)
    {
        foreach (var (_, module) in Descendants()) module.IsTraining = training;
    }

    /// <summary>Every trainable tensor with its full name, e.g. "3.weight"; taken afresh, since assigning
    /// values replaces tensors.</summary>
    public IReadOnlyList<(string Name, TrainableParameter Parameter)> Parameters() =>
        [.. Descendants().SelectMany(d => d.Module.OwnParameters.Select(p => (Join(d.Path, p.Name), p.Parameter)))];

    public int ParameterCount() => Parameters().Sum(p => p.Parameter.Value.Count);

    /// <summary>The Linear, SparseLinear and Conv2d layers, in forward order, each with its spec named by its path.</summary>
    public IReadOnlyList<NamedLayer> WeightLayers() =>
        [.. Descendants().Where(d => d.Module is WeightLayer).Select(d => new NamedLayer(d.Path, (WeightLayer)d.Module))];

    public Dictionary<string, NdArray> ExportState()
    {
        var state = new Dictionary<string, NdArray>(StringComparer.Ordinal);
        foreach (var (path, module) in Descendants()) module.ExportOwnState(path, state);
        return state;
    }

    public void ImportState(IReadOnlyDictionary<string, NdArray> state)
    {
        Guard.NotNull(state, nameof(state));
        foreach (var (path, module) in Descendants()) module.ImportOwnState(path, state);
    }

    /// <summary>"prefix.name", or "name" at the root.</summary>
    protected internal static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>The entry <paramref name="name"/> of a saved state, with the shape this module expects.</summary>
    protected static NdArray Entry(IReadOnlyDictionary<string, NdArray> state, string name, Shape shape)
    {
        if (!state.TryGetValue(name, out var array))
            throw new EoiArgumentException(nameof(state), $"saved state has no entry '{name}'");
        if (array.Shape != shape)
            throw new EoiArgumentException(nameof(state), $"saved state entry '{name}' must have shape {shape}; got {array.Shape}");
        return array;
    }

    public virtual void Dispose()
    {
        foreach (var (_, child) in Children) child.Dispose();
    }
}
