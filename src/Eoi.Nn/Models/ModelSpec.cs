using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Nn.Models;

/// <summary>
/// Which network to build. Depth and width mean, per kind: MLP, the number of Linear layers and the hidden
/// width (the paper's 784-100x5-10 is depth 7, width 100); CifarConv, the paper's depth (depth - 6 extra
/// convolutions after the three fixed ones) and the channel width; ResNet, N in ResNet-N (6n + 2) and the
/// first stage's width (16 in the paper); Vgg16, fixed at 16 and the first convolutions' width (64).
/// <see cref="SparseLinearLayers"/> picks CSR linear layers over masked dense ones (same function).
/// </summary>
public sealed record ModelSpec(
    ModelKind Kind,
    int Depth,
    int Width,
    Activation Activation,
    int[] InputShape,
    int Classes = 10,
    bool SparseLinearLayers = false,
    ElementType ElementType = ElementType.Float32)
{
    /// <summary>The paper's 7-layer MLP on MNIST-sized inputs.</summary>
    public static ModelSpec Mlp7(Activation activation) => new(ModelKind.Mlp, 7, 100, activation, [784]);

    /// <summary>MLPs read flattened samples, the others [channels, height, width] images.</summary>
    public bool TakesFlatInput => Kind == ModelKind.Mlp;

    public void Validate()
    {
        Guard.Positive(Width, nameof(Width));
        Guard.Positive(Classes, nameof(Classes));
        Guard.NotNull(InputShape, nameof(InputShape));
        switch (Kind)
        {
            case ModelKind.Mlp:
                Guard.InRange(Depth, 1, int.MaxValue, nameof(Depth));
                break;
            case ModelKind.CifarConv:
                Guard.InRange(Depth, CifarConv.MinimumDepth, int.MaxValue, nameof(Depth));
                RequireImages(divisibleBy: 8);
                break;
            case ModelKind.ResNet:
                if (Depth < 8 || (Depth - 2) % 6 != 0)
                    throw new EoiArgumentException(nameof(Depth), $"ResNet depth must be 6n + 2 with n >= 1 (e.g. 20, 32, 56, 110); got {Depth}");
                RequireImages(divisibleBy: 4);
                break;
            case ModelKind.Vgg16:
                Guard.InRange(Depth, 16, 16, nameof(Depth));
                if (InputShape is not [_, 32, 32])
                    throw new EoiArgumentException(nameof(InputShape), $"VGG-16 (C) is defined for 32 x 32 images; got [{string.Join(", ", InputShape)}]");
                break;
        }
    }

    void RequireImages(int divisibleBy)
    {
        if (InputShape is not [> 0, var h, var w] || h % divisibleBy != 0 || w % divisibleBy != 0)
            throw new EoiArgumentException(nameof(InputShape),
                $"{Kind} needs [channels, height, width] images with sides divisible by {divisibleBy}; got [{string.Join(", ", InputShape)}]");
    }
}
