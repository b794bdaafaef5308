using Eoi.Core;

namespace Eoi.Cli.Operations;

/// <summary>
/// The centre tap of an (out, in, kh, kw) kernel as an out x in matrix, and back. A delta-orthogonal
/// kernel is zero off its centre tap, and that tap is the EOI matrix its plan replays.
/// </summary>
static class CentreTap
{
    public static NdArray Extract(NdArray kernel)
    {
        var (outs, ins, taps, centre) = Layout(kernel.Shape);
        var data = new double[(long)outs * ins];
        for (long p = 0; p < data.LongLength; p++)
            data[p] = kernel.Data[p * taps + centre];
        return new NdArray([outs, ins], kernel.DType, data);
    }

    /// <summary>A kernel of <paramref name="kernelShape"/> holding <paramref name="centre"/> at its centre
    /// tap and +0.0 everywhere else.</summary>
    public static NdArray Embed(NdArray centre, int[] kernelShape)
    {
        var (outs, ins, taps, tap) = Layout(kernelShape);
        if (centre.Rank != 2 || centre.Shape[0] != outs || centre.Shape[1] != ins)
            throw new EoiArgumentException("centre", $"centre must be {outs} x {ins} for a {string.Join(" x ", kernelShape)} kernel; got {centre.ShapeText}");
        var data = new double[(long)outs * ins * taps];
        for (long p = 0; p < centre.Data.LongLength; p++)
            data[p * taps + tap] = centre.Data[p];
        return new NdArray(kernelShape, centre.DType, data);
    }

    static (int Outs, int Ins, int Taps, int Centre) Layout(int[] shape)
    {
        if (shape.Length != 4)
            throw new EoiArgumentException("kernel", $"a conv kernel has rank 4 (out, in, kh, kw); got shape {string.Join(" x ", shape)}");
        int height = shape[2], width = shape[3];
        return (shape[0], shape[1], height * width, (height - 1) / 2 * width + (width - 1) / 2);
    }
}
