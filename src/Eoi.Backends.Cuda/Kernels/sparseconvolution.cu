// im2col and col2im restricted to the patch rows a sparse (CSR) convolution kernel uses: rows[q] is the
// im2col row (c, ki, kj) that compact row q stands for. Same geometry arguments and padding rules as
// convolution.cu, whose helpers are repeated here because every module is its own NVRTC program. col2im is
// a gather in the CPU scatter's order (compact row, then output pixel, ascending), so sums match its bits.

__device__ __forceinline__ int sc_source_index(int padded, int size, int circular)
{
    if (padded >= 0 && padded < size) return padded;
    if (!circular) return -1;
    return padded < 0 ? padded + size : padded - size;
}

__device__ __forceinline__ int sc_readers(int i, int size, int k, int stride, int padding, int circular, int outSize, int* outputs)
{
    int found = 0;
    for (int copy = circular ? -1 : 0; copy <= (circular ? 1 : 0); copy++)
    {
        int shifted = i + copy * size + padding - k;
        if (shifted < 0 || shifted % stride != 0) continue;
        int o = shifted / stride;
        if (o < outSize) outputs[found++] = o;
    }
    return found;
}

// rowOf[rows[q]] = q for every q (rowOf filled with -1 beforehand); a row out of [0, patchLength) or not
// above its predecessor is reported and skipped.
extern "C" __global__ void invert_patch_rows(int used, int patchLength, const int* rows, int* rowOf, int* report)
{
    EOI_FOR_EACH(q, used)
    {
        int row = rows[q];
        if (row < 0 || row >= patchLength || (q > 0 && row <= rows[q - 1]))
            eoi_report_bad_index(report, 4, row, q, patchLength);
        else
            rowOf[row] = (int)q;
    }
}

// columns [used, outH * outW] of one image.
extern "C" __global__ void im2col_rows(int channels, int height, int width, int kernelHeight, int kernelWidth,
                                       int stride, int padding, int circular, int outHeight, int outWidth,
                                       int used, const int* rows, const real* image, real* columns)
{
    long long outPixels = (long long)outHeight * outWidth;
    long long count = (long long)used * outPixels;
    EOI_FOR_EACH(e, count)
    {
        int q = (int)(e / outPixels), p = (int)(e % outPixels);
        int row = rows[q];
        int kj = row % kernelWidth, ki = row / kernelWidth % kernelHeight, c = row / (kernelWidth * kernelHeight);
        if (row < 0 || c >= channels) { columns[e] = real(0); continue; } // a bad row, reported by invert_patch_rows
        int oi = p / outWidth, oj = p % outWidth;
        int ih = sc_source_index(oi * stride - padding + ki, height, circular);
        int iw = sc_source_index(oj * stride - padding + kj, width, circular);
        columns[e] = (ih < 0 || iw < 0) ? real(0) : image[((long long)c * height + ih) * width + iw];
    }
}

// image = the adjoint of im2col_rows: each element sums, over the used rows of its channel (rowOf >= 0), the
// entries read from it.
extern "C" __global__ void col2im_rows(int channels, int height, int width, int kernelHeight, int kernelWidth,
                                       int stride, int padding, int circular, int outHeight, int outWidth,
                                       const int* rowOf, const real* columns, real* image)
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
            int rowCount = sc_readers(ih, height, ki, stride, padding, circular, outHeight, rowsOut);
            for (int kj = 0; kj < kernelWidth; kj++)
            {
                int q = rowOf[(c * kernelHeight + ki) * kernelWidth + kj];
                if (q < 0) continue;
                int colsOut[3];
                int colCount = sc_readers(iw, width, kj, stride, padding, circular, outWidth, colsOut);
                const real* patchRow = columns + (long long)q * outPixels;
                for (int a = 0; a < rowCount; a++)
                    for (int b = 0; b < colCount; b++) sum += patchRow[rowsOut[a] * outWidth + colsOut[b]];
            }
        }
        image[e] = sum;
    }
}
