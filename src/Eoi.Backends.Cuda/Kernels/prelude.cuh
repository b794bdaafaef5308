// Prepended to every kernel module. NVRTC is given no headers, so everything the kernels use beyond the
// built-in device functions is declared here.
//
// Typed modules are compiled twice, with -DEOI_REAL=float and -DEOI_REAL=double, so each kernel is written
// once over `real`. Every module is compiled with --fmad=false: the CPU backend never fuses a multiply and an
// add, so neither may we, or a*b+c would round once here and twice there.

#ifdef EOI_REAL
typedef EOI_REAL real;
#endif

// One thread per element with a grid-stride loop: the host caps the grid (LaunchShape.MaxBlocks), so
// very long buffers are covered by looping rather than by an ever larger grid.
#define EOI_FOR_EACH(i, n) \
    for (long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x; i < (long long)(n); \
         i += (long long)gridDim.x * blockDim.x)

// Overloads that pick the single- or double-precision device function from the argument type.
__device__ __forceinline__ float eoi_exp(float x) { return expf(x); }
__device__ __forceinline__ double eoi_exp(double x) { return exp(x); }
__device__ __forceinline__ float eoi_log(float x) { return logf(x); }
__device__ __forceinline__ double eoi_log(double x) { return log(x); }
__device__ __forceinline__ float eoi_tanh(float x) { return tanhf(x); }
__device__ __forceinline__ double eoi_tanh(double x) { return tanh(x); }
__device__ __forceinline__ float eoi_sqrt(float x) { return sqrtf(x); }
__device__ __forceinline__ double eoi_sqrt(double x) { return sqrt(x); }
__device__ __forceinline__ float eoi_nan(float) { return __int_as_float(0x7fc00000); }
__device__ __forceinline__ double eoi_nan(double) { return __longlong_as_double(0x7ff8000000000000LL); }

// Kernels cannot throw, so a bad index (a gather index or a class label out of range) is recorded here and
// turned into an EoiArgumentException by the host at its next synchronisation (IndexErrorReport.cs):
// report[0] = what (1 gather index, 2 class target, 3 max-pool arg-max, 4 sparse-convolution patch row), [1] = the bad value, [2] = its position, [3] = the
// exclusive upper bound. The first report wins; the output element is NaN or left zero, never read out of
// bounds.
__device__ __forceinline__ void eoi_report_bad_index(int* report, int what, int value, long long position, int bound)
{
    if (atomicCAS(report, 0, what) == 0)
    {
        report[1] = value;
        report[2] = (int)position;
        report[3] = bound;
    }
}
