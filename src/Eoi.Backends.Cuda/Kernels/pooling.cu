// Max pooling over independent planes with the arg-max of each window (PoolGeometry), and its gradient.

// One thread per output: the first largest value of the window in row-major order, a NaN beating any number
// (the first NaN stays), as MaxPoolLoops does. argMax holds the position h * width + w within the plane.
extern "C" __global__ void max_pool(int planes, int height, int width, int kernel, int stride, int outHeight, int outWidth,
                                    const real* x, real* y, int* argMax)
{
    long long perPlane = (long long)outHeight * outWidth;
    long long count = planes * perPlane;
    EOI_FOR_EACH(p, count)
    {
        long long plane = p / perPlane;
        int rest = (int)(p % perPlane), oi = rest / outWidth, oj = rest % outWidth;
        const real* input = x + plane * height * width;
        int best = oi * stride * width + oj * stride;
        for (int ki = 0; ki < kernel; ki++)
            for (int kj = 0; kj < kernel; kj++)
            {
                int at = (oi * stride + ki) * width + oj * stride + kj;
                real candidate = input[at], current = input[best];
                if (candidate > current || (candidate != candidate && current == current)) best = at;
            }
        y[p] = input[best];
        argMax[p] = best;
    }
}

// One thread per input element gathers the gradient of every window whose arg-max it is, in output order:
// the order in which the CPU scatters them, so the sums have the same bits.
extern "C" __global__ void max_pool_backward(int planes, int height, int width, int kernel, int stride, int outHeight, int outWidth,
                                             const real* dy, const int* argMax, real* dx)
{
    long long planeLength = (long long)height * width;
    long long count = planes * planeLength;
    EOI_FOR_EACH(p, count)
    {
        long long plane = p / planeLength;
        int position = (int)(p % planeLength), h = position / width, w = position % width;
        // Windows oi with oi * stride <= h < oi * stride + kernel, likewise for w.
        int oiLow = h < kernel ? 0 : (h - kernel) / stride + 1, oiHigh = min(h / stride, outHeight - 1);
        int ojLow = w < kernel ? 0 : (w - kernel) / stride + 1, ojHigh = min(w / stride, outWidth - 1);
        real sum = 0;
        for (int oi = oiLow; oi <= oiHigh; oi++)
            for (int oj = ojLow; oj <= ojHigh; oj++)
            {
                long long q = (plane * outHeight + oi) * outWidth + oj;
                if (argMax[q] == position) sum += dy[q];
            }
        dx[p] = sum;
    }
}

// An arg-max outside its plane would route its gradient nowhere: report it (kind 3, IndexErrors.PoolIndex).
extern "C" __global__ void max_pool_check(long long outputs, int planeLength, const int* argMax, int* report)
{
    EOI_FOR_EACH(p, outputs)
        if (argMax[p] < 0 || argMax[p] >= planeLength) eoi_report_bad_index(report, 3, argMax[p], p, planeLength);
}
