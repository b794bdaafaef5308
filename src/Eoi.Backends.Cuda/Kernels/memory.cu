// Untyped memory kernels (compiled once, without EOI_REAL): fills and copies by 32- or 64-bit word, so one
// kernel serves float32, float64 and int32 buffers. They run on the backend's stream, unlike cuMemset and the
// synchronous cuMemcpy, which run on the legacy default stream and would not wait for our kernels.

extern "C" __global__ void fill_u32(long long count, unsigned int value, unsigned int* destination)
{
    EOI_FOR_EACH(i, count) destination[i] = value;
}

extern "C" __global__ void fill_u64(long long count, unsigned long long value, unsigned long long* destination)
{
    EOI_FOR_EACH(i, count) destination[i] = value;
}

extern "C" __global__ void copy_u32(long long count, const unsigned int* source, unsigned int* destination)
{
    EOI_FOR_EACH(i, count) destination[i] = source[i];
}
