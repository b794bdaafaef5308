using Eoi.Backends;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>
/// VGG-16 variant C as the SNIP paper and the authors' models/vgg_plain.py define it for CIFAR-10: 13
/// convolutions (conv, batch norm, activation), five 2 x 2 max pools, and a classifier Linear 2048 -> 512,
/// act, BN1d, Linear 512 -> 512, act, BN1d, Linear 512 -> classes. The three 1 x 1 convolutions keep
/// PyTorch's padding 1, so they grow the map by two pixels, which is what makes the last map 2 x 2 (2048 =
/// 512 x 2 x 2). Widths scale with the spec's width (64 in the paper).
/// </summary>
public static class Vgg16
{
    /// <summary>Output channels as multiples of the width over 64; 0 is a max pool; negative is a 1 x 1 conv.</summary>
    static readonly int[] Layout = [1, 1, 0, 2, 2, 0, 4, 4, -4, 0, 8, 8, -8, 0, 8, 8, -8, 0];

    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        var modules = new List<Module>();
        int channels = spec.InputShape[0], side = spec.InputShape[1];
        foreach (int entry in Layout)
        {
            if (entry == 0)
            {
                modules.Add(new MaxPool(2));
                side /= 2;
                continue;
            }
            int outChannels = Math.Abs(entry) * spec.Width, kernel = entry > 0 ? 3 : 1;
            modules.Add(new Conv2d(backend, channels, outChannels, kernel, 1, 1, elementType: spec.ElementType));
            modules.Add(new BatchNorm(backend, outChannels, spec.ElementType));
            modules.Add(new ActivationLayer(spec.Activation));
            side += 3 - kernel;
            channels = outChannels;
        }
        int hidden = 8 * spec.Width;
        modules.Add(new Flatten());
        modules.Add(new Linear(backend, channels * side * side, hidden, elementType: spec.ElementType));
        modules.Add(new ActivationLayer(spec.Activation));
        modules.Add(new BatchNorm(backend, hidden, spec.ElementType));
        modules.Add(new Linear(backend, hidden, hidden, elementType: spec.ElementType));
        modules.Add(new ActivationLayer(spec.Activation));
        modules.Add(new BatchNorm(backend, hidden, spec.ElementType));
        modules.Add(new Linear(backend, hidden, spec.Classes, elementType: spec.ElementType));
        return new Sequential(modules);
    }
}
