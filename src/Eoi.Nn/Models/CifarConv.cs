using Eoi.Backends;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>
/// The authors' vanilla CNN (paper §6.3): 3 x 3 convolutions with circular padding and biases, the
/// activation after each, no normalisation or residuals. conv in -> width; two stride-2 convs width -> width;
/// depth - 6 more width -> width convs; AvgPool 2; Linear (width * h/8 * w/8) -> classes. Depth 1000 gives
/// 997 convolutions and one Linear layer.
/// </summary>
public static class CifarConv
{
    public const int MinimumDepth = 6;
    const int Kernel = 3, Padding = 1;

    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        int channels = spec.InputShape[0], height = spec.InputShape[1], width = spec.InputShape[2];
        var modules = new List<Module>();
        void Conv(int inChannels, int stride)
        {
            modules.Add(new Conv2d(backend, inChannels, spec.Width, Kernel, stride, Padding, PaddingMode.Circular, elementType: spec.ElementType));
            modules.Add(new ActivationLayer(spec.Activation));
        }
        Conv(channels, 1);
        Conv(spec.Width, 2);
        Conv(spec.Width, 2);
        for (int i = 0; i < spec.Depth - MinimumDepth; i++) Conv(spec.Width, 1);
        modules.Add(new AvgPool(2));
        modules.Add(new Flatten());
        modules.Add(new Linear(backend, spec.Width * (height / 8) * (width / 8), spec.Classes, elementType: spec.ElementType));
        return new Sequential(modules);
    }
}
