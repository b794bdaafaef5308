using System.Buffers;
using System.Numerics;

namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// The blocked GEMM for one SIMD width: for each NC column block and KC depth block, pack op(B) and a
/// chunk of op(A) into shared panel buffers (work split over panel groups), then run the register tile
/// over tiles of at most MC x NB elements of C. Packing and tiles only decide who computes what; every C
/// element gets the same arithmetic whatever the split (see <see cref="GemmBlocking"/>).
/// </summary>
internal static unsafe class GemmDriver<T, TVec, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TVec : struct
    where TOps : struct, ISimdOps<TVec, T>
{
    const int CacheLine = 64;

    /// <summary>Requires m, n, k >= 1; a, b, c sized for <paramref name="shape"/>.</summary>
    public static void Run(in GemmShape shape, T* a, T* b, T* c, T beta, int maxDegreeOfParallelism)
    {
        int mr = GemmMicroKernel<T, TVec, TOps>.Rows, nr = GemmMicroKernel<T, TVec, TOps>.Columns;
        int aLength = GemmBlocking.Kc * RoundUp(Math.Min(GemmBlocking.McOuter, shape.M), mr);
        int bLength = GemmBlocking.Kc * RoundUp(Math.Min(GemmBlocking.Nc, shape.N), nr);
        int slack = CacheLine / sizeof(T);
        T[] aBuffer = ArrayPool<T>.Shared.Rent(aLength + slack);
        T[] bBuffer = ArrayPool<T>.Shared.Rent(bLength + slack);
        try
        {
            fixed (T* aPinned = aBuffer, bPinned = bBuffer)
            {
                var job = new GemmJob(shape, a, b, c, AlignUp(aPinned), AlignUp(bPinned),
                    FixedPartition.Threads(maxDegreeOfParallelism, shape.Flops >= GemmBlocking.ShareAboveFlops));
                job.Run(beta);
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(aBuffer);
            ArrayPool<T>.Shared.Return(bBuffer);
        }
    }

    static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;

    static T* AlignUp(T* pointer) => (T*)(((nint)pointer + CacheLine - 1) & ~(nint)(CacheLine - 1));

    /// <summary>The loop state one GEMM call shares with its work items.</summary>
    sealed class GemmJob(GemmShape shape, T* a, T* b, T* c, T* packedA, T* packedB, int degreeOfParallelism)
    {
        /// <summary>About this many elements per packing work item.</summary>
        const int PackItemElements = 16 * 1024;

        static readonly int Mr = GemmMicroKernel<T, TVec, TOps>.Rows;
        static readonly int Nr = GemmMicroKernel<T, TVec, TOps>.Columns;

        int _jc, _nc, _pc, _kc, _ic, _mc;
        int _bItems, _bPanelsPerItem, _aPanelsPerItem, _tileRows, _tileCols;
        T _blockBeta;

        public void Run(T beta)
        {
            Action<int> pack = PackItem, compute = ComputeTile;
            for (_jc = 0; _jc < shape.N; _jc += GemmBlocking.Nc)
            {
                _nc = Math.Min(GemmBlocking.Nc, shape.N - _jc);
                for (_pc = 0; _pc < shape.K; _pc += GemmBlocking.Kc)
                {
                    _kc = Math.Min(GemmBlocking.Kc, shape.K - _pc);
                    // Only the first depth block sees the caller's C; later blocks add to it.
                    _blockBeta = _pc == 0 ? beta : T.One;
                    for (_ic = 0; _ic < shape.M; _ic += GemmBlocking.McOuter)
                    {
                        _mc = Math.Min(GemmBlocking.McOuter, shape.M - _ic);
                        FixedPartition.Run(PlanPacking(packB: _ic == 0), degreeOfParallelism, pack);
                        FixedPartition.Run(PlanTiles(), degreeOfParallelism, compute);
                    }
                }
            }
        }

        int PlanPacking(bool packB)
        {
            _bPanelsPerItem = Math.Max(1, PackItemElements / (_kc * Nr));
            _aPanelsPerItem = Math.Max(1, PackItemElements / (_kc * Mr));
            _bItems = packB ? CeilDiv(CeilDiv(_nc, Nr), _bPanelsPerItem) : 0;
            return _bItems + CeilDiv(CeilDiv(_mc, Mr), _aPanelsPerItem);
        }

        int PlanTiles()
        {
            // Split rows finely enough to keep every thread busy on small m; the split never changes bits.
            int rowsPerThread = CeilDiv(_mc, Math.Max(1, degreeOfParallelism));
            _tileRows = RoundUp(Math.Min(GemmBlocking.Mc, rowsPerThread), Mr);
            _tileCols = GemmBlocking.Nb;
            return CeilDiv(_mc, _tileRows) * CeilDiv(_nc, _tileCols);
        }

        void PackItem(int item)
        {
            if (item < _bItems)
            {
                int first = item * _bPanelsPerItem, end = Math.Min(first + _bPanelsPerItem, CeilDiv(_nc, Nr));
                for (int panel = first; panel < end; panel++)
                {
                    int col0 = panel * Nr;
                    GemmPacking<T>.PackBPanel(packedB + (long)panel * _kc * Nr, b, shape,
                        _jc + col0, Math.Min(Nr, _nc - col0), _pc, _kc, Nr);
                }
                return;
            }
            int aFirst = (item - _bItems) * _aPanelsPerItem, aEnd = Math.Min(aFirst + _aPanelsPerItem, CeilDiv(_mc, Mr));
            for (int panel = aFirst; panel < aEnd; panel++)
            {
                int row0 = panel * Mr;
                GemmPacking<T>.PackAPanel(packedA + (long)panel * _kc * Mr, a, shape,
                    _ic + row0, Math.Min(Mr, _mc - row0), _pc, _kc, Mr);
            }
        }

        void ComputeTile(int tile)
        {
            int colTiles = CeilDiv(_nc, _tileCols);
            int row0 = tile / colTiles * _tileRows, rowEnd = Math.Min(row0 + _tileRows, _mc);
            int col0 = tile % colTiles * _tileCols, colEnd = Math.Min(col0 + _tileCols, _nc);
            T* edge = stackalloc T[Mr * Nr];
            // Column panel outermost: its Kc x Nr B panel stays in L1 while the A panels stream past.
            for (int jr = col0; jr < colEnd; jr += Nr)
            {
                T* bPanel = packedB + (long)(jr / Nr) * _kc * Nr;
                int cols = Math.Min(Nr, _nc - jr);
                for (int ir = row0; ir < rowEnd; ir += Mr)
                {
                    T* aPanel = packedA + (long)(ir / Mr) * _kc * Mr;
                    T* cTile = c + (long)(_ic + ir) * shape.N + _jc + jr;
                    int rows = Math.Min(Mr, _mc - ir);
                    if (rows == Mr && cols == Nr)
                        GemmMicroKernel<T, TVec, TOps>.Run(_kc, aPanel, bPanel, cTile, shape.N, _blockBeta);
                    else
                        RunEdgeTile(edge, aPanel, bPanel, cTile, rows, cols);
                }
            }
        }

        /// <summary>A partial tile goes through a full-size scratch tile so it gets exactly the arithmetic
        /// of a full one.</summary>
        void RunEdgeTile(T* edge, T* aPanel, T* bPanel, T* cTile, int rows, int cols)
        {
            bool readsC = _blockBeta != T.Zero;
            if (readsC)
                CopyTile(cTile, shape.N, edge, Nr, rows, cols);
            GemmMicroKernel<T, TVec, TOps>.Run(_kc, aPanel, bPanel, edge, Nr, _blockBeta);
            CopyTile(edge, Nr, cTile, shape.N, rows, cols);
        }

        static void CopyTile(T* source, int sourceStride, T* target, int targetStride, int rows, int cols)
        {
            for (int r = 0; r < rows; r++)
                new ReadOnlySpan<T>(source + (long)r * sourceStride, cols).CopyTo(new Span<T>(target + (long)r * targetStride, cols));
        }

        static int CeilDiv(int value, int divisor) => (value + divisor - 1) / divisor;
    }
}
