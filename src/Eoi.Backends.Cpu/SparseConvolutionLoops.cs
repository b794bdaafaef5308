using System.Buffers;
using System.Numerics;
using Eoi.Backends.Cpu.Kernels;
using Eoi.Core.Backend;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Convolution with a kernel stored as CSR over the im2col rows it uses (see the sparse convolution section
/// of <see cref="IBackend"/>). The batch is split into a fixed number of image groups that run on the thread
/// pool; each group builds one image's used columns at a time in its own scratch and multiplies them with the
/// single-threaded SpMM / SDDMM kernels. Forward and input gradient write per-image outputs, so the grouping
/// cannot change them; the weight gradient sums each group's images in order, then the groups in order,
/// and the groups depend on the batch size only, so the bits do not depend on the thread count.
/// </summary>
static class SparseConvolutionLoops
{
    /// <summary>Image groups per call: enough to keep two cores balanced when groups differ in speed,
    /// few enough that the weight gradient's per-group partial sums (one kernel's values each) stay small.</summary>
    public const int ImageGroups = 16;

    /// <summary>Below this many multiply-adds per call, the groups run on the calling thread (the thread-pool
    /// hand-off threshold of the sparse products, <see cref="SparseWork.ShareAboveMultiplyAdds"/>).</summary>
    static int Threads(int maxDegreeOfParallelism, long multiplyAdds) =>
        FixedPartition.Threads(maxDegreeOfParallelism, multiplyAdds >= SparseWork.ShareAboveMultiplyAdds);

    static (int Start, int End) Group(int batch, int group, int groups) =>
        ((int)((long)batch * group / groups), (int)((long)batch * (group + 1) / groups));

    public static unsafe void Forward<T>(ConvGeometry g, int batch, CsrSpans weight, int outChannels, ReadOnlySpan<T> values,
        ReadOnlySpan<int> patchRows, ReadOnlySpan<T> x, Span<T> y, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (int* offsets = weight.RowOffsets, columns = weight.ColumnIndices, rows = patchRows)
        fixed (T* v = values, px = x, py = y)
        {
            var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, weight.ColumnIndices.Length, offsets, columns, v), rows, px, py);
            Run(g, batch, weight, maxDegreeOfParallelism, job.Forward);
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
            Run(g, batch, transposedWeight, maxDegreeOfParallelism, job.BackwardInput);
        }
    }

    public static unsafe void BackwardWeight<T>(ConvGeometry g, int batch, CsrSpans weight, int outChannels, ReadOnlySpan<int> patchRows,
        ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dValues, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nonZeros = dValues.Length;
        dValues.Clear();
        if (batch == 0 || nonZeros == 0)
            return;
        int groups = Math.Min(batch, ImageGroups);
        var partials = ArrayPool<T>.Shared.Rent(groups * nonZeros);
        try
        {
            fixed (int* offsets = weight.RowOffsets, columns = weight.ColumnIndices, rows = patchRows)
            fixed (T* px = x, pdy = dy, sums = partials)
            {
                var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, nonZeros, offsets, columns, sums), rows, px, pdy);
                Run(g, batch, weight, maxDegreeOfParallelism, job.BackwardWeight);
            }
            for (int group = 0; group < groups; group++)
                Elementwise.Add(dValues, partials.AsSpan(group * nonZeros, nonZeros), dValues);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partials);
        }
    }

    /// <summary>columns [rows.Length x OutputPixels]: row q is im2col row rows[q] of the image (as
    /// <see cref="ConvolutionLoops.Im2Col"/> builds it). Each output row of a patch row is a gather through
    /// the kernel column's source-column map, so padding costs no test per pixel beyond the map's.</summary>
    public static void Im2ColRows<T>(ConvGeometry g, ReadOnlySpan<int> rows, ReadOnlySpan<T> image, Span<T> columns) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outWidth = g.OutWidth, outPixels = g.OutputPixels, plane = g.Height * g.Width;
        Span<int> sourceColumn = outWidth <= MaxStackColumns ? stackalloc int[outWidth] : new int[outWidth];
        for (int q = 0; q < rows.Length; q++)
        {
            var (c, ki, kj) = ConvolutionLoops.PatchEntry(g, rows[q]);
            SourceColumns(g, kj, sourceColumn);
            var channel = image.Slice(c * plane, plane);
            for (int oi = 0; oi < g.OutHeight; oi++)
            {
                var target = columns.Slice(q * outPixels + oi * outWidth, outWidth);
                int ih = ConvolutionLoops.SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
                if (ih < 0)
                {
                    target.Clear();
                    continue;
                }
                var source = channel.Slice(ih * g.Width, g.Width);
                for (int oj = 0; oj < outWidth; oj++)
                    target[oj] = sourceColumn[oj] < 0 ? T.Zero : source[sourceColumn[oj]];
            }
        }
    }

    /// <summary>The adjoint of <see cref="Im2ColRows{T}"/>: image = 0, then every column entry is added back
    /// where it was read from, rows in order, pixels in order (the order <see cref="ConvolutionLoops.Col2Im"/>
    /// adds them in).</summary>
    public static void Col2ImRows<T>(ConvGeometry g, ReadOnlySpan<int> rows, ReadOnlySpan<T> columns, Span<T> image) where T : unmanaged, IFloatingPointIeee754<T>
    {
        image.Clear();
        int outWidth = g.OutWidth, outPixels = g.OutputPixels, plane = g.Height * g.Width;
        Span<int> sourceColumn = outWidth <= MaxStackColumns ? stackalloc int[outWidth] : new int[outWidth];
        for (int q = 0; q < rows.Length; q++)
        {
            var (c, ki, kj) = ConvolutionLoops.PatchEntry(g, rows[q]);
            SourceColumns(g, kj, sourceColumn);
            var channel = image.Slice(c * plane, plane);
            for (int oi = 0; oi < g.OutHeight; oi++)
            {
                int ih = ConvolutionLoops.SourceIndex(oi * g.Stride - g.Padding + ki, g.Height, g.PaddingMode);
                if (ih < 0) continue;
                var source = columns.Slice(q * outPixels + oi * outWidth, outWidth);
                var target = channel.Slice(ih * g.Width, g.Width);
                for (int oj = 0; oj < outWidth; oj++)
                    if (sourceColumn[oj] >= 0) target[sourceColumn[oj]] += source[oj];
            }
        }
    }

    /// <summary>Output widths up to this keep their column map on the stack (4 KiB).</summary>
    const int MaxStackColumns = 1024;

    /// <summary>map[oj] = the image column output column oj reads at kernel column kj, or -1 for zero padding.</summary>
    static void SourceColumns(ConvGeometry g, int kj, Span<int> map)
    {
        for (int oj = 0; oj < map.Length; oj++)
            map[oj] = ConvolutionLoops.SourceIndex(oj * g.Stride - g.Padding + kj, g.Width, g.PaddingMode);
    }

    /// <summary>Runs the image groups, on the pool when the call's multiply-adds reach the sparse products'
    /// hand-off threshold (<see cref="SparseWork.ShareAboveMultiplyAdds"/>).</summary>
    static void Run(ConvGeometry g, int batch, CsrSpans weight, int maxDegreeOfParallelism, Action<int, int, int> group)
    {
        int groups = Math.Min(batch, ImageGroups);
        bool worthSharing = (long)batch * weight.ColumnIndices.Length * g.OutputPixels >= SparseWork.ShareAboveMultiplyAdds;
        FixedPartition.Run(groups, FixedPartition.Threads(maxDegreeOfParallelism, worthSharing),
            index => group(index, (int)((long)batch * index / groups), (int)((long)batch * (index + 1) / groups)));
    }

    /// <summary>A CSR matrix held by pointers, so that a thread-pool lambda can carry it.</summary>
    readonly unsafe struct Csr<T>(int rows, int cols, int nonZeros, int* rowOffsets, int* columnIndices, T* values) where T : unmanaged
    {
        public readonly int Rows = rows, Cols = cols, NonZeros = nonZeros;
        /// <summary>The weight's values; for the weight gradient, the groups' partial sums (one value array per group).</summary>
        public readonly T* Values = values;
        public ReadOnlySpan<int> Offsets => new(rowOffsets, Rows + 1);
        public ReadOnlySpan<int> Columns => new(columnIndices, NonZeros);
        public ReadOnlySpan<T> ValuesOf(int group) => new(Values + (long)group * NonZeros, NonZeros);
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
                    SparseKernels.RunSpmm(csr.Rows, pixels, used, csr.Offsets, csr.Columns, csr.ValuesOf(0), columns,
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
                    SparseKernels.RunSpmm(used, pixels, csr.Cols, csr.Offsets, csr.Columns, csr.ValuesOf(0), Image(source, n, gradientLength), columns, T.Zero, 1);
                    Col2ImRows(g, new ReadOnlySpan<int>(patchRows, used), columns, new Span<T>(second + (long)n * imageLength, imageLength));
                }
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        /// <summary>csr is W [out x used] with the groups' partial sums as values; source x, second dy. The
        /// group's partial is the sum of its images' SDDMMs in image order.</summary>
        public void BackwardWeight(int group, int start, int end)
        {
            int used = csr.Cols, gradientLength = csr.Rows * pixels, nonZeros = csr.NonZeros;
            var partial = new Span<T>(csr.Values + (long)group * nonZeros, nonZeros);
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
