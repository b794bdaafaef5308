namespace Eoi.Nn.Models;

public enum ModelKind
{
    /// <summary>Fully connected, no normalisation (paper §6.1-6.3).</summary>
    Mlp,
    /// <summary>The authors' vanilla CNN for CIFAR-10: circular padding, no normalisation or residuals (§6.3).</summary>
    CifarConv,
    /// <summary>CIFAR ResNet-N with projection shortcuts and batch normalisation (§6.4).</summary>
    ResNet,
    /// <summary>VGG-16 variant C of the SNIP paper, with batch normalisation (§6.4).</summary>
    Vgg16,
}
