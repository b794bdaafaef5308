// Per-channel bias on a buffer seen as [outer, channels, inner] (ChannelLayout), and its gradient.

extern "C" __global__ void bias_add(int outer, int channels, int inner, const real* x, const real* bias, real* y)
{
    long long count = (long long)outer * channels * inner;
    EOI_FOR_EACH(p, count) y[p] = x[p] + bias[(p / inner) % channels];
}

// dbias[c] = sum over (o, i) of dy[o, c, i], one block per channel. Like the CPU backend it accumulates in
// double, but in a fixed tree rather than in one sequential chain: thread t sums elements t, t + 256, ...
// and the 256 partial sums are then halved pairwise. The order depends only on the layout, so the bits are
// the same on every run; float32 results round the same double sum the CPU rounds (up to double rounding
// differences far below float32's resolution), float64 results may differ from the CPU's in the last bits.
#define REDUCTION_THREADS 256

extern "C" __global__ void __launch_bounds__(REDUCTION_THREADS)
bias_grad(int outer, int channels, int inner, const real* dy, real* dbias)
{
    __shared__ double partial[REDUCTION_THREADS];
    long long perChannel = (long long)outer * inner;
    for (int c = blockIdx.x; c < channels; c += gridDim.x)
    {
        double sum = 0;
        for (long long q = threadIdx.x; q < perChannel; q += REDUCTION_THREADS)
        {
            long long o = q / inner, i = q % inner;
            sum += (double)dy[(o * channels + c) * inner + i];
        }
        partial[threadIdx.x] = sum;
        __syncthreads();
        for (int half = REDUCTION_THREADS / 2; half > 0; half /= 2)
        {
            if (threadIdx.x < half) partial[threadIdx.x] += partial[threadIdx.x + half];
            __syncthreads();
        }
        if (threadIdx.x == 0) dbias[c] = (real)partial[0];
        __syncthreads();
    }
}
