using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// The centre tap ((kh - 1) / 2, (kw - 1) / 2) of an (out, in, kh, kw) kernel, the one definition every
/// delta-orthogonal kernel (EOI's, the dense baseline's, the checker's) uses. A delta-orthogonal kernel is
/// zero off its centre tap, and that tap is an orthogonal out x in matrix.
/// </summary>
public static class CentreTap
{
    /// <summary>Flat index of the centre tap among the kh x kw taps of one (out, in) pair.</summary>
    public static int Index(int height, int width) => (height - 1) / 2 * width + (width - 1) / 2;

    /// <summary>The out x in matrix at the centre tap of <paramref name="kernel"/>.</summary>
    public static NdArray Extract(NdArray kernel)
    {
        Guard.NotNull(kernel, nameof(kernel));
        var (outs, ins, taps, centre) = Layout(kernel.Shape);
        var data = new double[outs * ins];
        for (int p = 0; p < data.Length; p++)
            data[p] = kernel.Data[p * taps + centre];
        return new NdArray([outs, ins], kernel.ElementType, data);
    }

    /// <summary>A kernel of <paramref name="kernelShape"/> holding <paramref name="centre"/> at its centre
    /// tap and +0.0 everywhere else.</summary>
    public static NdArray Embed(NdArray centre, ReadOnlySpan<int> kernelShape)
    {
        Guard.NotNull(centre, nameof(centre));
        var (outs, ins, _, _) = Layout(kernelShape);
        if (centre.Rank != 2 || centre.Shape[0] != outs || centre.Shape[1] != ins)
            throw new EoiArgumentException("centre", $"centre must be {outs} x {ins} for a {string.Join(" x ", kernelShape.ToArray())} kernel; got {centre.ShapeText}");
        return new NdArray(kernelShape, centre.ElementType, Embed(centre.Data, outs, ins, kernelShape[2], kernelShape[3]));
    }

    /// <summary>Flat (out, in, kh, kw) values holding the row-major out x in <paramref name="centre"/> at the
    /// centre tap and +0.0 everywhere else.</summary>
    public static double[] Embed(ReadOnlySpan<double> centre, int outs, int ins, int height, int width)
    {
        int taps = height * width, tap = Index(height, width);
        var data = new double[(long)outs * ins * taps];
        for (long p = 0; p < (long)outs * ins; p++)
            data[p * taps + tap] = centre[(int)p];
        return data;
    }

    static (int Outs, int Ins, int Taps, int Centre) Layout(ReadOnlySpan<int> shape)
    {
        if (shape.Length != 4)
            throw new EoiArgumentException("kernel", $"a conv kernel has rank 4 (out, in, kh, kw); got shape {string.Join(" x ", shape.ToArray())}");
        return (shape[0], shape[1], shape[2] * shape[3], Index(shape[2], shape[3]));
    }
}
