// Log-softmax over rows and the mean negative log-likelihood, forward and backward. Class counts are small
// (10 for MNIST and CIFAR-10), so each row is one thread's sequential loop: a fixed order, no shared memory.

// y = x - (max + log(sum_j exp(x_j - max))), the CPU's formula: the max shift keeps every exponent <= 0.
// The max propagates NaN (TensorPrimitives.Max). In place is allowed: a row is read before it is written.
// The CPU sums the exponentials with SIMD, so the last bits of the sum, and of exp and log, may differ.
extern "C" __global__ void log_softmax(int rows, int cols, const real* x, real* y)
{
    EOI_FOR_EACH(r, rows)
    {
        const real* row = x + r * cols;
        real max = row[0];
        for (int j = 1; j < cols; j++)
        {
            real v = row[j];
            if (v != v || v > max) max = v;
            if (max != max) break;
        }
        real sum = 0;
        for (int j = 0; j < cols; j++) sum += eoi_exp(row[j] - max);
        real shift = max + eoi_log(sum);
        for (int j = 0; j < cols; j++) y[r * cols + j] = row[j] - shift;
    }
}

// dx = dy - exp(y) * (row sum of dy), y the log-softmax output.
extern "C" __global__ void log_softmax_backward(int rows, int cols, const real* y, const real* dy, real* dx)
{
    EOI_FOR_EACH(r, rows)
    {
        long long start = r * cols;
        real sum = 0;
        for (int j = 0; j < cols; j++) sum += dy[start + j];
        for (int j = 0; j < cols; j++) dx[start + j] = dy[start + j] - eoi_exp(y[start + j]) * sum;
    }
}

// loss[0] = -(sum over r of logProbs[r, targets[r]]) / rows, summed in sample order in double by a single
// thread: exactly the CPU's loop, so the same bits. A batch is at most a few thousand rows.
extern "C" __global__ void nll_loss(int rows, int cols, const real* logProbs, const int* targets, real* loss, int* report)
{
    if (blockIdx.x != 0 || threadIdx.x != 0) return;
    double sum = 0;
    for (int r = 0; r < rows; r++)
    {
        int t = targets[r];
        if (t < 0 || t >= cols)
        {
            eoi_report_bad_index(report, 2, t, r, cols);
            sum = eoi_nan(0.0);
            break;
        }
        sum += (double)logProbs[(long long)r * cols + t];
    }
    loss[0] = (real)(-sum / rows);
}

// dLogProbs[r, c] = -dLoss[0] / rows where c = targets[r], else 0. A row with a bad target stays zero.
extern "C" __global__ void nll_loss_backward(int rows, int cols, const int* targets, const real* dLoss, real* dLogProbs, int* report)
{
    real g = -dLoss[0] / (real)rows;
    long long count = (long long)rows * cols;
    EOI_FOR_EACH(p, count)
    {
        long long r = p / cols;
        int c = (int)(p % cols), t = targets[r];
        if (c == 0 && (t < 0 || t >= cols)) eoi_report_bad_index(report, 2, t, r, cols);
        dLogProbs[p] = c == t ? g : real(0);
    }
}
