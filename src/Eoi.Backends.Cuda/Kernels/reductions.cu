// Sums along the middle axis of [outer, reduced, inner] (ReductionLayout), the broadcast back, and the count
// of correct predictions (a sum of zeros and ones).

// REDUCTION_THREADS in LaunchShape.ReductionThreads: the shared array and the pairwise halving assume it.
#define REDUCTION_THREADS 256

// y[o, i] = scale * sum over r of x[o, r, i], one block per output (a grid-stride loop past the grid). Like the
// CPU backend it sums in double and rounds once, but in a fixed tree: thread t sums r = t, t + 256, ..., and
// the 256 partial sums are halved pairwise. The order depends only on the layout, so the bits repeat.
extern "C" __global__ void __launch_bounds__(REDUCTION_THREADS)
sum_axis(int outer, int reduced, int inner, double scale, const real* x, real* y)
{
    __shared__ double partial[REDUCTION_THREADS];
    long long outputs = (long long)outer * inner;
    for (long long q = blockIdx.x; q < outputs; q += gridDim.x)
    {
        long long o = q / inner, i = q % inner;
        double sum = 0;
        for (long long r = threadIdx.x; r < reduced; r += REDUCTION_THREADS)
            sum += (double)x[(o * reduced + r) * inner + i];
        partial[threadIdx.x] = sum;
        __syncthreads();
        for (int half = REDUCTION_THREADS / 2; half > 0; half /= 2)
        {
            if (threadIdx.x < half) partial[threadIdx.x] += partial[threadIdx.x + half];
            __syncthreads();
        }
        if (threadIdx.x == 0) y[q] = (real)(scale * partial[0]);
        __syncthreads();
    }
}

// y[o, r, i] = scale * x[o, i], one thread per element of y.
extern "C" __global__ void broadcast_axis(int outer, int reduced, int inner, real scale, const real* x, real* y)
{
    long long count = (long long)outer * reduced * inner;
    EOI_FOR_EACH(p, count)
    {
        long long o = p / ((long long)reduced * inner), i = p % inner;
        y[p] = scale * x[o * inner + i];
    }
}

// count[0] = rows whose first largest score is at the target, by one thread in row order (a batch is small).
// A target out of range is reported and its row counts as wrong.
extern "C" __global__ void count_correct(int rows, int cols, const real* scores, const int* targets, real* count, int* report)
{
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    int correct = 0;
    for (int r = 0; r < rows; r++)
    {
        int target = targets[r];
        if (target < 0 || target >= cols)
        {
            eoi_report_bad_index(report, 2, target, r, cols);
            continue;
        }
        const real* row = scores + (long long)r * cols;
        int best = 0;
        for (int k = 1; k < cols; k++)
            if (row[k] > row[best]) best = k;
        if (best == target) correct++;
    }
    count[0] = (real)correct;
}
