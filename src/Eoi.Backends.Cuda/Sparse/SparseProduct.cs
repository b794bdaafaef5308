namespace Eoi.Backends.Cuda.Sparse;

/// <summary>The cuSPARSE products the backend runs; part of a workspace's cache key.</summary>
enum SparseProduct
{
    Spmm,
    Sddmm,
}
