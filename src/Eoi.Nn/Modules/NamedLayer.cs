using Eoi.Orthogonal;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>A weight layer found in a network, and its <see cref="LayerSpec"/> named by its path.</summary>
public sealed record NamedLayer(string Path, WeightLayer Layer)
{
    public LayerSpec Spec { get; } = Layer.Spec.Kind == LayerKind.Linear
        ? LayerSpec.Linear(Path, Layer.Spec.Out, Layer.Spec.In, Layer.Spec.HasBias)
        : LayerSpec.Conv(Path, Layer.Spec.Out, Layer.Spec.In, Layer.Spec.KernelHeight, Layer.Spec.KernelWidth, Layer.Spec.HasBias);
}
