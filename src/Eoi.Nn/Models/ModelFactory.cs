using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>Builds the network a <see cref="ModelSpec"/> names. Weights start at zero: an initialiser
/// (see Eoi.Nn.Setup) gives them values.</summary>
public static class ModelFactory
{
    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        Guard.NotNull(backend, nameof(backend));
        Guard.NotNull(spec, nameof(spec));
        spec.Validate();
        return spec.Kind switch
        {
            ModelKind.Mlp => Mlp.Build(backend, spec),
            ModelKind.CifarConv => CifarConv.Build(backend, spec),
            ModelKind.ResNet => ResNet.Build(backend, spec),
            ModelKind.Vgg16 => Vgg16.Build(backend, spec),
            _ => throw new EoiArgumentException(nameof(spec), $"unknown model kind {spec.Kind}"),
        };
    }
}
