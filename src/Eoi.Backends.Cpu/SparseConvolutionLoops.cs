using System.Buffers;
using System.Numerics;
using Eoi.Backends.Cpu.Kernels;

namespace Eoi.Backends.Cpu;

/// <summary>
/// Convolution with a kernel stored as CSR over the im2col rows it uses (see the sparse convolution section
/// of <see cref="IBackend"/>), computed directly, without im2col: a stored entry w at (o, row (c, ki, kj))
/// adds w times channel c of the image, shifted by (ki, kj), to output plane o (forward), adds w times plane
/// o of the output gradient, shifted back, to channel c of the input gradient, or takes the dot of the two
/// (kernel gradient). One image's planes stay in cache, and at every stride a tap over a whole plane is one
/// vector multiply-add or dot over a contiguous run of its padded phase plane (<see cref="PaddedPlanes"/>). Building im2col columns
/// cost as much as the dense product at the sparse layers' channel counts (every row is in use at 16 or
/// more output channels and d = 0.1), so the work now follows the stored entries alone. The batch is split
/// into <see cref="ImageGroups"/>, so the bits do not depend on the thread count.
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
            var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, weight.ColumnIndices.Length, offsets, columns, v), rows, patchRows.Length, px, py);
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
            var job = new Job<T>(g, csr, rows, patchRows.Length, pdy, pdx);
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
            var job = new Job<T>(g, new Csr<T>(outChannels, patchRows.Length, nonZeros, offsets, columns, null), rows, patchRows.Length, px, pdy);
            ImageGroups.SumInOrder<T>(batch, MultiplyAdds(g, batch, weight), maxDegreeOfParallelism, dValues, job.BackwardWeight);
        }
    }

    static long MultiplyAdds(ConvGeometry g, int batch, CsrSpans weight) => (long)batch * weight.ColumnIndices.Length * g.OutputPixels;

    /// <summary>A CSR matrix held by pointers, so that a thread-pool lambda can carry it.</summary>
    readonly unsafe struct Csr<T>(int rows, int cols, int nonZeros, int* rowOffsets, int* columnIndices, T* values) where T : unmanaged
    {
        public readonly int Rows = rows, Cols = cols, NonZeros = nonZeros;
        public readonly int* RowOffsets = rowOffsets, ColumnIndices = columnIndices;
        /// <summary>The weight's values; null for the weight gradient.</summary>
        public readonly T* Values = values;
    }

    /// <summary>One call's operands as pointers (valid while the caller holds them fixed): <c>source</c> is read
    /// per image, <c>second</c> read or written per image, in padded phase planes (<see cref="PaddedPlanes"/>),
    /// each group renting its own.</summary>
    sealed unsafe class Job<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        readonly ConvGeometry g;
        readonly Csr<T> csr;
        readonly T* source, second;
        readonly int pixels, imageLength;
        readonly PaddedPlanes padded;
        /// <summary>[q]: where used patch row q (channel c, tap (ki, kj)) reads in one image's padded planes,
        /// worked out once per call: on 8 x 8 planes a tap's vector pass is short enough that the divisions
        /// behind it cost as much as the pass.</summary>
        readonly int[] tapOffsets;

        public Job(ConvGeometry geometry, Csr<T> csr, int* patchRows, int usedRows, T* source, T* second)
        {
            g = geometry;
            this.csr = csr;
            this.source = source;
            this.second = second;
            pixels = g.OutputPixels;
            imageLength = g.ImageLength;
            padded = new PaddedPlanes(g);
            tapOffsets = new int[usedRows];
            for (int q = 0; q < usedRows; q++)
            {
                var (c, ki, kj) = ConvolutionLoops.PatchEntry(g, patchRows[q]);
                tapOffsets[q] = c * padded.PlaneLength + padded.Offset(ki, kj);
            }
        }

        /// <summary>csr is W [out x used]; source x, second y (written): y_n[o] = sum over stored (o, q) of
        /// w * shifted x_n[c(q)], entries in CSR order.</summary>
        public void Forward(int group, int start, int end)
        {
            int outputLength = csr.Rows * pixels, planeLength = padded.PlaneLength, outPlane = padded.OutputPlaneLength, run = padded.Run;
            WithScratch(g.Channels * planeLength + csr.Rows * outPlane, scratch =>
            {
                T* xp = scratch, yp = scratch + (long)g.Channels * planeLength;
                for (int n = start; n < end; n++)
                {
                    padded.Pad(source + (long)n * imageLength, xp);
                    new Span<T>(yp, csr.Rows * outPlane).Clear();
                    for (int o = 0; o < csr.Rows; o++)
                        for (int k = csr.RowOffsets[o]; k < csr.RowOffsets[o + 1]; k++)
                            PaddedPlanes.Axpy(csr.Values[k], xp + tapOffsets[csr.ColumnIndices[k]], yp + (long)o * outPlane, run);
                    padded.Narrow(yp, second + (long)n * outputLength, csr.Rows);
                }
            });
        }

        /// <summary>csr is W^T [used x out]; source dy, second dx (written): dx_n[c(q)] += w * dy_n[o] shifted
        /// back, for the stored (q, o) in CSR order.</summary>
        public void BackwardInput(int group, int start, int end)
        {
            int gradientLength = csr.Cols * pixels, planeLength = padded.PlaneLength, outPlane = padded.OutputPlaneLength, run = padded.Run;
            WithScratch(csr.Cols * outPlane + g.Channels * planeLength, scratch =>
            {
                T* dyp = scratch, dxp = scratch + (long)csr.Cols * outPlane;
                for (int n = start; n < end; n++)
                {
                    padded.Widen(source + (long)n * gradientLength, dyp, csr.Cols);
                    new Span<T>(dxp, g.Channels * planeLength).Clear();
                    for (int q = 0; q < csr.Rows; q++)
                    {
                        T* target = dxp + tapOffsets[q];
                        for (int k = csr.RowOffsets[q]; k < csr.RowOffsets[q + 1]; k++)
                            PaddedPlanes.Axpy(csr.Values[k], dyp + (long)csr.ColumnIndices[k] * outPlane, target, run);
                    }
                    padded.Fold(dxp, second + (long)n * imageLength);
                }
            });
        }

        /// <summary>csr is W [out x used] (its values unused); source x, second dy. The group's partial is, per
        /// stored entry, its images' dots added in image order.</summary>
        public void BackwardWeight(int group, int start, int end, nint partialSum)
        {
            int gradientLength = csr.Rows * pixels, planeLength = padded.PlaneLength, outPlane = padded.OutputPlaneLength, run = padded.Run;
            T* partial = (T*)partialSum;
            WithScratch(g.Channels * planeLength + csr.Rows * outPlane, scratch =>
            {
                T* xp = scratch, dyp = scratch + (long)g.Channels * planeLength;
                for (int n = start; n < end; n++)
                {
                    padded.Pad(source + (long)n * imageLength, xp);
                    padded.Widen(second + (long)n * gradientLength, dyp, csr.Rows);
                    for (int o = 0; o < csr.Rows; o++)
                        for (int k = csr.RowOffsets[o]; k < csr.RowOffsets[o + 1]; k++)
                        {
                            T dot = PaddedPlanes.Dot(dyp + (long)o * outPlane, xp + tapOffsets[csr.ColumnIndices[k]], run);
                            partial[k] = n == start ? dot : partial[k] + dot;
                        }
                }
            });
        }

        static void WithScratch(int length, ScratchAction action)
        {
            var scratch = ArrayPool<T>.Shared.Rent(length);
            try
            {
                fixed (T* pointer = scratch) action(pointer);
            }
            finally
            {
                ArrayPool<T>.Shared.Return(scratch);
            }
        }

        delegate void ScratchAction(T* scratch);
    }
}
