// Arithmetic on whole buffers, one element per thread. Each is one IEEE operation (or two for axpy, rounded
// in the CPU backend's order), so with --fmad=false the results are bit-identical to the CPU backend's.

extern "C" __global__ void add(int count, const real* a, const real* b, real* result)
{
    EOI_FOR_EACH(i, count) result[i] = a[i] + b[i];
}

extern "C" __global__ void multiply(int count, const real* a, const real* b, real* result)
{
    EOI_FOR_EACH(i, count) result[i] = a[i] * b[i];
}

// y = x * alpha (the CPU's TensorPrimitives.Multiply(x, alpha)).
extern "C" __global__ void scale(int count, real alpha, const real* x, real* y)
{
    EOI_FOR_EACH(i, count) y[i] = x[i] * alpha;
}

// y = x * alpha + y, two roundings (TensorPrimitives.MultiplyAdd is not fused).
extern "C" __global__ void axpy(int count, real alpha, const real* x, real* y)
{
    EOI_FOR_EACH(i, count) y[i] = x[i] * alpha + y[i];
}
