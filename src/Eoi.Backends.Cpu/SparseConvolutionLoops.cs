using System.Buffers;
using System.Numerics;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Core.Backend;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Convolution with a kernel stored as CSR over the im2col rows it uses (see the sparse convolution section
/// of <see cref="IBackend"/>). The batch is split into <see cref="ImageGroups"/>; each group builds one
/// image's used columns at a time in its own scratch and multiplies them with the single-threaded SpMM /
/// SDDMM kernels, so the bits do not depend on the thread count.
/// </summary>
static class SparseConvolutionLoops
{

    public static unsafe void Forward<T>(ConvGeometry g, int batch, CsrSpans weight, int outChannels, ReadOnlySpan<T> values,
        ReadOnlySpan<int> patchRows, ReadOnlySpan<T> x, Span<T> y, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (int* offsets = weight.RowOffsets, columns = weight.ColumnIndices, rows = patchRows)
        fixed (T* v = values, px = x, py = y)
        {
            var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, weight.ColumnIndices.Length, offsets, columns, v), rows, px, py);
            ImageGroups.Run(batch, MultiplyAdds(g, batch, weight), maxDegreeOfParallelism, job.Forward);
        }
    }

    public static unsafe void BackwardInput<T>(ConvGeometry g, int batch, CsrSpans transposedWeight, int outChannels, ReadOnlySpan<T> transposedValues,
        ReadOnlySpan<int> patchRows, ReadOnlySpan<T> dy, Span<T> dx, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (int* offsets = transposedWeight.RowOffsets, columns = transposedWeight.ColumnIndices, rows = patchRows)
        fixed (T* v = transposedValues, pdy = dy, pdx = dx)
        {
            var csr = new Csr<T>(patchRows.Length, outChannels, transposedWeight.ColumnIndices.Length, offsets, columns, v);
            var job = new Job<T>(g, csr, rows, pdy, pdx);
            ImageGroups.Run(batch, MultiplyAdds(g, batch, transposedWeight), maxDegreeOfParallelism, job.BackwardInput);
        }
    }

    public static unsafe void BackwardWeight<T>(ConvGeometry g, int batch, CsrSpans weight, int outChannels, ReadOnlySpan<int> patchRows,
        ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dValues, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nonZeros = dValues.Length;
        fixed (int* offsets = weight.RowOffsets, columns = weight.ColumnIndices, rows = patchRows)
        fixed (T* px = x, pdy = dy)
        {
            var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, nonZeros, offsets, columns, null), rows, px, pdy);
            ImageGroups.SumInOrder<T>(batch, MultiplyAdds(g, batch, weight), maxDegreeOfParallelism, dValues, job.BackwardWeight);
        }
    }

    static long MultiplyAdds(ConvGeometry g, int batch, CsrSpans weight) => (long)batch * weight.ColumnIndices.Length * g.OutputPixels;

    /// <summary>columns [rows.Length x OutputPixels]: row q is im2col row rows[q] of the image (as
    /// <see cref="ConvolutionLoops.Im2Col"/> builds it).</summary>
    public static void Im2ColRows<T>(ConvGeometry g, ReadOnlySpan<int> rows, ReadOnlySpan<T> image, Span<T> columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outPixels = g.OutputPixels;
        Span<int> sourceColumn = g.OutWidth <= ConvolutionLoops.MaxStackColumns ? stackalloc int[g.OutWidth] : new int[g.OutWidth];
        for (int q = 0; q < rows.Length; q++)
            ConvolutionLoops.Im2ColRow(g, rows[q], image, columns.Slice(q * outPixels, outPixels), sourceColumn);
    }

    /// <summary>The adjoint of <see cref="Im2ColRows{T}"/>: image = 0, then every column entry is added back
    /// where it was read from, rows in order (the order <see cref="ConvolutionLoops.Col2Im"/> adds them in).</summary>
    public static void Col2ImRows<T>(ConvGeometry g, ReadOnlySpan<int> rows, ReadOnlySpan<T> columns, Span<T> image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        image.Clear();
        int outPixels = g.OutputPixels;
        Span<int> sourceColumn = g.OutWidth <= ConvolutionLoops.MaxStackColumns ? stackalloc int[g.OutWidth] : new int[g.OutWidth];
        for (int q = 0; q < rows.Length; q++)
            ConvolutionLoops.Col2ImRow(g, rows[q], columns.Slice(q * outPixels, outPixels), image, sourceColumn);
    }

    /// <summary>A CSR matrix held by pointers, so that a thread-pool lambda can carry it.</summary>
    readonly unsafe struct Csr<T>(int rows, int cols, int nonZeros, int* rowOffsets, int* columnIndices, T* values) where T : unmanaged
    {
        public readonly int Rows = rows, Cols = cols, NonZeros = nonZeros;
        /// <summary>The weight's values; null for the weight gradient.</summary>
        public readonly T* Values = values;
        public ReadOnlySpan<int> Offsets => new(rowOffsets, Rows + 1);
        public ReadOnlySpan<int> Columns => new(columnIndices, NonZeros);
        public ReadOnlySpan<T> ValuesSpan => new(Values, NonZeros);
    }

    /// <summary>One call's operands as pointers (valid while the caller holds them fixed): <c>source</c> and
    /// <c>second</c> are read per image, or <c>second</c> written per image. Each group rents its own scratch
    /// for one image's used columns.</summary>
    sealed unsafe class Job<T>(ConvGeometry g, Csr<T> csr, int* patchRows, T* source, T* second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly int pixels = g.OutputPixels, imageLength = g.ImageLength;

        /// <summary>csr is W [out x used]; source x, second y (written).</summary>
        public void Forward(int group, int start, int end)
        {
            int used = csr.Cols, outputLength = csr.Rows * pixels;
            var scratch = ArrayPool<T>.Shared.Rent(used * pixels);
            try
            {
                var columns = scratch.AsSpan(0, used * pixels);
                for (int n = start; n < end; n++)
                {
                    Im2ColRows(g, new ReadOnlySpan<int>(patchRows, used), Image(source, n, imageLength), columns);
                    SparseKernels.RunSpmm(csr.Rows, pixels, used, csr.Offsets, csr.Columns, csr.ValuesSpan, columns,
                        new Span<T>(second + (long)n * outputLength, outputLength), T.Zero, 1);
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        /// <summary>csr is W^T [used x out]; source dy, second dx (written).</summary>
        public void BackwardInput(int group, int start, int end)
        {
            int used = csr.Rows, gradientLength = csr.Cols * pixels;
            var scratch = ArrayPool<T>.Shared.Rent(used * pixels);
            try
            {
                var columns = scratch.AsSpan(0, used * pixels);
                for (int n = start; n < end; n++)
                {
                    SparseKernels.RunSpmm(used, pixels, csr.Cols, csr.Offsets, csr.Columns, csr.ValuesSpan, Image(source, n, gradientLength), columns, T.Zero, 1);
                    Col2ImRows(g, new ReadOnlySpan<int>(patchRows, used), columns, new Span<T>(second + (long)n * imageLength, imageLength));
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        /// <summary>csr is W [out x used] (its values unused); source x, second dy. The group's partial is the
        /// sum of its images' SDDMMs in image order.</summary>
        public void BackwardWeight(int group, int start, int end, nint partialSum)
        {
            int used = csr.Cols, gradientLength = csr.Rows * pixels, nonZeros = csr.NonZeros;
            var partial = new Span<T>((T*)partialSum, nonZeros);
            var scratch = ArrayPool<T>.Shared.Rent(used * pixels + nonZeros);
            try
            {
                var columns = scratch.AsSpan(0, used * pixels);
                var single = scratch.AsSpan(used * pixels, nonZeros);
                for (int n = start; n < end; n++)
                {
                    Im2ColRows(g, new ReadOnlySpan<int>(patchRows, used), Image(source, n, imageLength), columns);
                    var target = n == start ? partial : single;
                    SparseKernels.RunSddmm(csr.Rows, used, pixels, csr.Offsets, csr.Columns, Image(second, n, gradientLength), columns, target, 1);
                    if (n != start) Elementwise.Add<T>(partial, single, partial);
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        static ReadOnlySpan<T> Image(T* batch, int n, int length) => new(batch + (long)n * length, length);
    }
}
