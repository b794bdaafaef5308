// im2col, its adjoint col2im, and average pooling, for one image or a stack of planes (ConvGeometry and
// PoolGeometry in Eoi.Core). The adjoints are written as gathers: one thread per image element adds up the
// entries that came from it, in the order the CPU backend's scatter loop adds them (patch row, then output
// pixel, ascending), so the sums are bit-identical to the CPU's and need no atomics.

// The image coordinate a padded coordinate reads, or -1 for a zero-padding position. Circular padding is at
// most one image wide (ConvGeometry.Validate), so one wrap suffices.
__device__ __forceinline__ int source_index(int padded, int size, int circular)
{
    if (padded >= 0 && padded < size) return padded;
    if (!circular) return -1;
    return padded < 0 ? padded + size : padded - size;
}

// columns [channels * kh * kw, outH * outW]: row (c, ki, kj), column (oi, oj).
extern "C" __global__ void im2col(int channels, int height, int width, int kernelHeight, int kernelWidth,
                                  int stride, int padding, int circular, int outHeight, int outWidth,
                                  const real* image, real* columns)
{
    long long outPixels = (long long)outHeight * outWidth;
    long long count = (long long)channels * kernelHeight * kernelWidth * outPixels;
    EOI_FOR_EACH(q, count)
    {
        long long row = q / outPixels;
        int p = (int)(q % outPixels);
        int kj = (int)(row % kernelWidth), ki = (int)(row / kernelWidth % kernelHeight), c = (int)(row / ((long long)kernelWidth * kernelHeight));
        int oi = p / outWidth, oj = p % outWidth;
        int ih = source_index(oi * stride - padding + ki, height, circular);
        int iw = source_index(oj * stride - padding + kj, width, circular);
        columns[q] = (ih < 0 || iw < 0) ? real(0) : image[((long long)c * height + ih) * width + iw];
    }
}

// The output positions o (ascending, at most 3) whose padded coordinate o * stride - padding + k reads image
// coordinate i: the padded coordinate is i itself or, with circular padding, its wrap-around copies i - size
// and i + size. Returns how many were written to outputs.
__device__ __forceinline__ int readers(int i, int size, int k, int stride, int padding, int circular, int outSize, int* outputs)
{
    int found = 0;
    for (int copy = circular ? -1 : 0; copy <= (circular ? 1 : 0); copy++)
    {
        int shifted = i + copy * size + padding - k; // = o * stride
        if (shifted < 0 || shifted % stride != 0) continue;
        int o = shifted / stride;
        if (o < outSize) outputs[found++] = o;
    }
    return found;
}

extern "C" __global__ void col2im(int channels, int height, int width, int kernelHeight, int kernelWidth,
                                  int stride, int padding, int circular, int outHeight, int outWidth,
                                  const real* columns, real* image)
{
    long long outPixels = (long long)outHeight * outWidth;
    long long count = (long long)channels * height * width;
    EOI_FOR_EACH(e, count)
    {
        int iw = (int)(e % width), ih = (int)(e / width % height), c = (int)(e / ((long long)width * height));
        real sum = real(0);
        for (int ki = 0; ki < kernelHeight; ki++)
        {
            int rowsOut[3];
            int rowCount = readers(ih, height, ki, stride, padding, circular, outHeight, rowsOut);
            for (int kj = 0; kj < kernelWidth; kj++)
            {
                int colsOut[3];
                int colCount = readers(iw, width, kj, stride, padding, circular, outWidth, colsOut);
                const real* patchRow = columns + (((long long)c * kernelHeight + ki) * kernelWidth + kj) * outPixels;
                for (int a = 0; a < rowCount; a++)
                    for (int b = 0; b < colCount; b++) sum += patchRow[rowsOut[a] * outWidth + colsOut[b]];
            }
        }
        image[e] = sum;
    }
}

// y = the mean of each kernel x kernel window, no padding: the window's sum in row order, times 1 / k^2.
extern "C" __global__ void average_pool(int planes, int height, int width, int kernel, int stride,
                                        int outHeight, int outWidth, const real* x, real* y)
{
    const real inverseArea = real(1) / (real)(kernel * kernel);
    long long count = (long long)planes * outHeight * outWidth;
    EOI_FOR_EACH(p, count)
    {
        int oj = (int)(p % outWidth), oi = (int)(p / outWidth % outHeight);
        const real* plane = x + p / ((long long)outWidth * outHeight) * height * width;
        real sum = real(0);
        for (int ki = 0; ki < kernel; ki++)
            for (int kj = 0; kj < kernel; kj++) sum += plane[(oi * stride + ki) * width + oj * stride + kj];
        y[p] = sum * inverseArea;
    }
}

// dx[i] = the sum of dy[o] / k^2 over the windows o that contain i, in ascending o as the CPU scatters them.
extern "C" __global__ void average_pool_backward(int planes, int height, int width, int kernel, int stride,
                                                 int outHeight, int outWidth, const real* dy, real* dx)
{
    const real inverseArea = real(1) / (real)(kernel * kernel);
    long long count = (long long)planes * height * width;
    EOI_FOR_EACH(e, count)
    {
        int iw = (int)(e % width), ih = (int)(e / width % height);
        const real* gradient = dy + e / ((long long)width * height) * outHeight * outWidth;
        // Windows o with o * stride <= i < o * stride + kernel.
        int firstRow = ih < kernel ? 0 : (ih - kernel) / stride + 1, lastRow = min(ih / stride, outHeight - 1);
        int firstCol = iw < kernel ? 0 : (iw - kernel) / stride + 1, lastCol = min(iw / stride, outWidth - 1);
        real sum = real(0);
        for (int oi = firstRow; oi <= lastRow; oi++)
            for (int oj = firstCol; oj <= lastCol; oj++) sum += gradient[oi * outWidth + oj] * inverseArea;
        dx[e] = sum;
    }
}
