namespace Eoi.Backends.Cuda.Kernels;

/// <summary>The kernel source files (Kernels/*.cu), one per op family; each is one NVRTC program.</summary>
enum KernelModule
{
    /// <summary>memory.cu: fills and copies by word; the only module not compiled per element type.</summary>
    Memory,
    Layout,
    Elementwise,
    Activations,
    Channels,
    Classification,
    Convolution,
    /// <summary>sparseconvolution.cu: im2col and col2im restricted to the patch rows a CSR kernel uses.</summary>
    SparseConvolution,
    Optimizers,
    Reductions,
    Pooling,
    Normalization,
}
