// Data movement: gather and transpose. Copies only, so the results are bit-identical to the CPU backend's.

// destination[q] = source[indices[q]]; an index outside [0, sourceLength) gives NaN and a report.
extern "C" __global__ void gather(int count, int sourceLength, const real* source, const int* indices,
                                  real* destination, int* report)
{
    EOI_FOR_EACH(q, count)
    {
        int index = indices[q];
        if (index >= 0 && index < sourceLength)
            destination[q] = source[index];
        else
        {
            destination[q] = eoi_nan(real(0));
            eoi_report_bad_index(report, 1, index, q, sourceLength);
        }
    }
}

// destination [cols x rows] = source [rows x cols]^T through a 32 x 32 tile in shared memory, so that both
// the reads and the writes of a warp touch consecutive addresses. The extra column keeps the tile's columns
// in different shared-memory banks. Blocks are 32 x 8 threads, each thread moving 4 elements; grid.y loops
// when there are more tile rows than a grid may have.
#define TILE 32
#define TILE_ROWS 8

extern "C" __global__ void transpose(int rows, int cols, const real* source, real* destination)
{
    __shared__ real tile[TILE][TILE + 1];
    int tileCol = blockIdx.x * TILE;
    for (int tileRow = blockIdx.y * TILE; tileRow < rows; tileRow += gridDim.y * TILE)
    {
        for (int dy = threadIdx.y; dy < TILE; dy += TILE_ROWS)
        {
            int r = tileRow + dy, c = tileCol + threadIdx.x;
            if (r < rows && c < cols) tile[dy][threadIdx.x] = source[(long long)r * cols + c];
        }
        __syncthreads();
        for (int dy = threadIdx.y; dy < TILE; dy += TILE_ROWS)
        {
            int c = tileCol + dy, r = tileRow + threadIdx.x;
            if (r < rows && c < cols) destination[(long long)c * rows + r] = tile[threadIdx.x][dy];
        }
        __syncthreads();
    }
}
