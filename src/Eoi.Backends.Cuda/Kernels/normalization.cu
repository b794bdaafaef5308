// Batch normalisation over the channels of [outer, channels, inner] (ChannelLayout): moments, normalisation
// and its gradient, with the formulas and per-channel constants of the CPU's NormalizationLoops. Sums run in
// double in a fixed tree (one block per channel), so they repeat bit for bit but may differ from the CPU's in
// the last bits; the per-element chains are the CPU's exactly (no contraction, see prelude.cuh).

// REDUCTION_THREADS in LaunchShape.ReductionThreads: the shared array and the pairwise halving assume it.
#define REDUCTION_THREADS 256

// The sum of every thread's value, pairwise in a fixed tree; every thread of the block gets it.
__device__ double block_sum(double value, double* partial)
{
    partial[threadIdx.x] = value;
    __syncthreads();
    for (int half = REDUCTION_THREADS / 2; half > 0; half /= 2)
    {
        if (threadIdx.x < half) partial[threadIdx.x] += partial[threadIdx.x + half];
        __syncthreads();
    }
    double total = partial[0];
    __syncthreads();
    return total;
}

// Element q in [0, outer * inner) of channel c.
__device__ __forceinline__ long long channel_element(long long q, int c, int channels, int inner)
{
    return (q / inner * channels + c) * inner + q % inner;
}

__device__ __forceinline__ double inverse_std(real variance, double epsilon)
{
    return 1.0 / sqrt((double)variance + epsilon);
}

extern "C" __global__ void __launch_bounds__(REDUCTION_THREADS)
channel_moments(int outer, int channels, int inner, const real* x, real* mean, real* variance)
{
    __shared__ double partial[REDUCTION_THREADS];
    long long n = (long long)outer * inner;
    for (int c = blockIdx.x; c < channels; c += gridDim.x)
    {
        double sum = 0;
        for (long long q = threadIdx.x; q < n; q += REDUCTION_THREADS) sum += (double)x[channel_element(q, c, channels, inner)];
        double m = block_sum(sum, partial) / (double)n;
        double squares = 0;
        for (long long q = threadIdx.x; q < n; q += REDUCTION_THREADS)
        {
            double d = (double)x[channel_element(q, c, channels, inner)] - m;
            squares += d * d;
        }
        double v = block_sum(squares, partial) / (double)n;
        if (threadIdx.x == 0)
        {
            mean[c] = (real)m;
            variance[c] = (real)v;
        }
    }
}

// y = (x - mean) * s + beta, s = gamma / sqrt(variance + epsilon) in double, rounded once.
extern "C" __global__ void batch_normalize(int outer, int channels, int inner, double epsilon, const real* x, const real* mean,
                                           const real* variance, const real* gamma, const real* beta, real* y)
{
    long long count = (long long)outer * channels * inner;
    EOI_FOR_EACH(p, count)
    {
        int c = (int)(p / inner % channels);
        real scale = (real)((double)gamma[c] * inverse_std(variance[c], epsilon));
        y[p] = (x[p] - mean[c]) * scale + beta[c];
    }
}

// One block per channel: the two sums, dgamma and dbeta, then dx = ((dy - (x - mean) k) - b) a (IBackend's
// BatchNormalizeBackward); with fixed statistics b = k = 0.
extern "C" __global__ void __launch_bounds__(REDUCTION_THREADS)
batch_normalize_backward(int outer, int channels, int inner, double epsilon, int batchStatistics, const real* x, const real* mean,
                         const real* variance, const real* gamma, const real* dy, real* dx, real* dgamma, real* dbeta)
{
    __shared__ double partial[REDUCTION_THREADS];
    long long n = (long long)outer * inner;
    for (int c = blockIdx.x; c < channels; c += gridDim.x)
    {
        double mu = (double)mean[c], sigma = inverse_std(variance[c], epsilon);
        double sumDy = 0, sumDyCentred = 0;
        for (long long q = threadIdx.x; q < n; q += REDUCTION_THREADS)
        {
            long long p = channel_element(q, c, channels, inner);
            sumDy += (double)dy[p];
            sumDyCentred += (double)dy[p] * ((double)x[p] - mu);
        }
        sumDy = block_sum(sumDy, partial);
        sumDyCentred = block_sum(sumDyCentred, partial);
        if (threadIdx.x == 0)
        {
            dgamma[c] = (real)(sigma * sumDyCentred);
            dbeta[c] = (real)sumDy;
        }
        real a = (real)((double)gamma[c] * sigma);
        real b = batchStatistics ? (real)(sumDy / (double)n) : (real)0;
        real k = batchStatistics ? (real)(sigma * sigma * sumDyCentred / (double)n) : (real)0;
        for (long long q = threadIdx.x; q < n; q += REDUCTION_THREADS)
        {
            long long p = channel_element(q, c, channels, inner);
            real t = (x[p] - mean[c]) * k;
            dx[p] = ((dy[p] - t) - b) * a;
        }
    }
}
