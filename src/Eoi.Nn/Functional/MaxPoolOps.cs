using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Nn.Functional;

/// <summary>
/// Max pooling over non-overlapping k x k windows (floor mode, as PyTorch), from ops the autograd has: with M
/// the constant mask that holds k^2 at the first maximum of each window and 0 elsewhere,
/// maxpool(x) = avgpool(x * M). Its value is each window's maximum (exactly, for the power-of-two windows VGG
/// uses) and its gradient goes to the arg-max only, as in PyTorch.
/// </summary>
public static class MaxPoolOps
{
    public static Tensor MaxPool2d(this Tensor x, int kernel)
    {
        Guard.NotNull(x, nameof(x));
        Guard.Positive(kernel, nameof(kernel));
        if (x.Shape.Rank != 4)
            throw new EoiArgumentException(nameof(x), $"x must have rank 4 ([batch, channels, height, width]); got shape {x.Shape}");
        int planes = x.Shape[0] * x.Shape[1], height = x.Shape[2], width = x.Shape[3];
        var values = HostTensors.Read(x);
        var mask = new double[values.Length];
        for (int p = 0; p < planes; p++)
            for (int oi = 0; oi + kernel <= height; oi += kernel)
                for (int oj = 0; oj + kernel <= width; oj += kernel)
                {
                    int best = p * height * width + oi * width + oj;
                    for (int i = oi; i < oi + kernel; i++)
                        for (int j = oj; j < oj + kernel; j++)
                        {
                            int at = p * height * width + i * width + j;
                            if (values[at] > values[best]) best = at;
                        }
                    mask[best] = kernel * kernel;
                }
        return x.Multiply(HostTensors.Constant(x, x.Shape, mask)).AvgPool2d(kernel);
    }
}
