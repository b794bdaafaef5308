using Eoi.Backends;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>
/// CIFAR ResNet-N (He et al. 2016, the authors' models/cifar_resnet.py): a 3 x 3 stem conv in -> w with batch
/// normalisation, three stages of w, 2w, 4w channels with (N - 2)/6 basic blocks each (stages 2 and 3 start
/// with stride 2 and a projection shortcut), global average pooling, Linear 4w -> classes. ResNet-32 with
/// w = 16 has about 0.46 M parameters.
/// </summary>
public static class ResNet
{
    public static Sequential Build(IBackend backend, ModelSpec spec)
    {
        int blocksPerStage = (spec.Depth - 2) / 6;
        var modules = new List<Module>
        {
            new Conv2d(backend, spec.InputShape[0], spec.Width, 3, 1, 1, bias: false, elementType: spec.ElementType),
            new BatchNorm(backend, spec.Width, spec.ElementType),
            new ActivationLayer(spec.Activation),
        };
        int channels = spec.Width;
        for (int stage = 0; stage < 3; stage++)
        {
            int stageChannels = spec.Width << stage;
            for (int block = 0; block < blocksPerStage; block++)
            {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                modules.Add(new BasicBlock(backend, channels, stageChannels, stride, spec.Activation, spec.ElementType));
                channels = stageChannels;
            }
        }
        modules.Add(new AvgPool(spec.InputShape[1] / 4));
        modules.Add(new Flatten());
        modules.Add(new Linear(backend, channels, spec.Classes, elementType: spec.ElementType));
        return new Sequential(modules);
    }
}
