using Eoi.Autograd;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Models;

/// <summary>
/// The CIFAR ResNet basic block: act(bn2(conv2(act(bn1(conv1(x))))) + shortcut(x)), 3 x 3 convolutions
/// without bias. Where the block changes stride or width the shortcut is a 1 x 1 strided convolution with
/// batch normalisation (a projection), else the identity.
/// </summary>
public sealed class BasicBlock : Module
{
    readonly Conv2d conv1, conv2;
    readonly BatchNorm bn1, bn2;
    readonly ActivationLayer activation;
    readonly Sequential? projection;

    public BasicBlock(IBackend backend, int inChannels, int outChannels, int stride, Activation activation, ElementType elementType)
    {
        conv1 = new Conv2d(backend, inChannels, outChannels, 3, stride, 1, bias: false, elementType: elementType);
        bn1 = new BatchNorm(backend, outChannels, elementType);
        conv2 = new Conv2d(backend, outChannels, outChannels, 3, 1, 1, bias: false, elementType: elementType);
        bn2 = new BatchNorm(backend, outChannels, elementType);
        this.activation = new ActivationLayer(activation);
        if (stride != 1 || inChannels != outChannels)
            projection = new Sequential([
                new Conv2d(backend, inChannels, outChannels, 1, stride, 0, bias: false, elementType: elementType),
                new BatchNorm(backend, outChannels, elementType)]);
    }

    public override Tensor Forward(Tensor x)
    {
        var residual = bn2.Forward(conv2.Forward(activation.Forward(bn1.Forward(conv1.Forward(x)))));
        return activation.Forward(residual.Add(projection?.Forward(x) ?? x));
    }

    public override IEnumerable<(string Name, Module Module)> Children
    {
        get
        {
            yield return ("conv1", conv1);
            yield return ("bn1", bn1);
            yield return ("conv2", conv2);
            yield return ("bn2", bn2);
            if (projection is not null) yield return ("shortcut", projection);
        }
    }
}
