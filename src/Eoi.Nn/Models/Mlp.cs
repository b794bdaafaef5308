using Eoi.Backends;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>in -> width, (depth - 2) x width -> width, width -> classes, the activation after every layer
/// but the last; every layer has a bias. No normalisation, no residuals. Children "0", "1", ... are the
/// layers and activations in order; a sparse MLP runs feature-major inside, between the two transposes
/// "to_features_first" and "to_batch_first", which saves four transposes per layer and step.</summary>
public static class Mlp
{
    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        int inFeatures = spec.InputShape.Aggregate(1, (a, b) => a * b);
        bool sparse = spec.SparseLinearLayers;
        var children = new List<(string, Module)>();
        int index = 0;
        if (sparse) children.Add(("to_features_first", new Transpose()));
        for (int layer = 0; layer < spec.Depth; layer++)
        {
            int fanIn = layer == 0 ? inFeatures : spec.Width;
            int fanOut = layer == spec.Depth - 1 ? spec.Classes : spec.Width;
            Add(sparse
                ? new SparseLinear(backend, fanIn, fanOut, elementType: spec.ElementType, featureMajor: true)
                : new Linear(backend, fanIn, fanOut, elementType: spec.ElementType));
            if (layer < spec.Depth - 1) Add(new ActivationLayer(spec.Activation));
        }
        if (sparse) children.Add(("to_batch_first", new Transpose()));
        return new Sequential(children);

        void Add(Module module) => children.Add(((index++).ToString(System.Globalization.CultureInfo.InvariantCulture), module));
    }
}
