using Eoi.Core.Backend;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>in -> width, (depth - 2) x width -> width, width -> classes, the activation after every layer
/// but the last; every layer has a bias. No normalisation, no residuals.</summary>
public static class Mlp
{
    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        int inFeatures = spec.InputShape.Aggregate(1, (a, b) => a * b);
        var modules = new List<Module>();
        for (int layer = 0; layer < spec.Depth; layer++)
        {
            int fanIn = layer == 0 ? inFeatures : spec.Width;
            int fanOut = layer == spec.Depth - 1 ? spec.Classes : spec.Width;
            modules.Add(spec.SparseLinearLayers
                ? new SparseLinear(backend, fanIn, fanOut, elementType: spec.ElementType)
                : new Linear(backend, fanIn, fanOut, elementType: spec.ElementType));
            if (layer < spec.Depth - 1) modules.Add(new ActivationLayer(spec.Activation));
        }
        return new Sequential(modules);
    }
}
