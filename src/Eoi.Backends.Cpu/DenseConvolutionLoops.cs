using System.Buffers;
using System.Numerics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Convolution with a dense kernel W [out x PatchLength] over a whole batch (see the dense convolution
/// section of <see cref="IBackend"/>), by im2col and GEMM: the batch is split into <see cref="ImageGroups"/>,
/// each group builds one image's columns at a time in its own scratch and multiplies them with the
/// single-threaded GEMM, so both cores work on convolutions even when each image's product is too small to
/// share, and the bits do not depend on the thread count.
/// </summary>
static class DenseConvolutionLoops
{
    /// <summary>y_n [out x pixels] = W columns(x_n).</summary>
    public static unsafe void Forward<T>(ConvGeometry g, int batch, int outChannels, ReadOnlySpan<T> weight, ReadOnlySpan<T> x, Span<T> y,
        int maxDegreeOfParallelism) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* w = weight, px = x, py = y)
            ImageGroups.Run(batch, MultiplyAdds(g, batch, outChannels), maxDegreeOfParallelism, new Job<T>(g, outChannels, w, px, py).Forward);
    }

    /// <summary>dx_n = col2im(W^T dy_n).</summary>
    public static unsafe void BackwardInput<T>(ConvGeometry g, int batch, int outChannels, ReadOnlySpan<T> weight, ReadOnlySpan<T> dy, Span<T> dx,
        int maxDegreeOfParallelism) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* w = weight, pdy = dy, pdx = dx)
            ImageGroups.Run(batch, MultiplyAdds(g, batch, outChannels), maxDegreeOfParallelism, new Job<T>(g, outChannels, w, pdy, pdx).BackwardInput);
    }

    /// <summary>dW = the sum over images of dy_n columns(x_n)^T, in the fixed order of <see cref="ImageGroups.SumInOrder"/>.</summary>
    public static unsafe void BackwardWeight<T>(ConvGeometry g, int batch, int outChannels, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dWeight,
        int maxDegreeOfParallelism) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* px = x, pdy = dy)
            ImageGroups.SumInOrder<T>(batch, MultiplyAdds(g, batch, outChannels), maxDegreeOfParallelism, dWeight,
                new Job<T>(g, outChannels, null, px, pdy).BackwardWeight);
    }

    static long MultiplyAdds(ConvGeometry g, int batch, int outChannels) => (long)batch * outChannels * g.PatchLength * g.OutputPixels;

    /// <summary>One call's operands as pointers (valid while the caller holds them fixed): <c>source</c> is read
    /// per image, <c>second</c> read or written per image. Each group rents its own scratch for one image's columns.</summary>
    sealed unsafe class Job<T>(ConvGeometry g, int outChannels, T* weight, T* source, T* second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly int pixels = g.OutputPixels, patch = g.PatchLength, imageLength = g.ImageLength, outputLength = outChannels * g.OutputPixels;

        ReadOnlySpan<T> Weight => new(weight, outChannels * patch);

        /// <summary>source x, second y (written).</summary>
        public void Forward(int group, int start, int end) => WithColumns(columns =>
        {
            for (int n = start; n < end; n++)
            {
                ConvolutionLoops.Im2Col(g, Image(source, n, imageLength), columns);
                Gemm.Multiply(false, false, outChannels, pixels, patch, Weight, columns, Output(second, n, outputLength), T.Zero, 1);
            }
        });

        /// <summary>source dy, second dx (written).</summary>
        public void BackwardInput(int group, int start, int end) => WithColumns(columns =>
        {
            for (int n = start; n < end; n++)
            {
                Gemm.Multiply(true, false, patch, pixels, outChannels, Weight, Image(source, n, outputLength), columns, T.Zero, 1);
                ConvolutionLoops.Col2Im(g, columns, Output(second, n, imageLength));
            }
        });

        /// <summary>source x, second dy; the group's partial [out x patch] is its images' products added in
        /// image order (GEMM with beta 1 after the first).</summary>
        public void BackwardWeight(int group, int start, int end, nint partialSum) => WithColumns(columns =>
        {
            var partial = new Span<T>((T*)partialSum, outChannels * patch);
            for (int n = start; n < end; n++)
            {
                ConvolutionLoops.Im2Col(g, Image(source, n, imageLength), columns);
                Gemm.Multiply(false, true, outChannels, patch, pixels, Image(second, n, outputLength), columns, partial, n == start ? T.Zero : T.One, 1);
            }
        });

        void WithColumns(ColumnsAction action)
        {
            var scratch = ArrayPool<T>.Shared.Rent(patch * pixels);
            try
            {
                action(scratch.AsSpan(0, patch * pixels));
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        delegate void ColumnsAction(Span<T> columns);

        static ReadOnlySpan<T> Image(T* batch, int n, int length) => new(batch + (long)n * length, length);
        static Span<T> Output(T* batch, int n, int length) => new(batch + (long)n * length, length);
    }
}
