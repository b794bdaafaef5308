using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>A cuSPARSE handle (cusparseCreate), destroyed on dispose, and the generic-API products run on it.
/// Each product checks its workspace against the size cuSPARSE asks for (a host-side query), since a short
/// workspace would be overrun on the device rather than reported.</summary>
public sealed unsafe class CusparseHandle : ContextBoundHandle
{
    CusparseHandle(CudaContext context) : base(context) { }

    public static CusparseHandle Create(CudaContext context)
    {
        CudaLibraries.Require(CudaLibrary.Cusparse);
        return Create(new CusparseHandle(context), () =>
        {
            using var scope = context.Enter();
            CudaCheck.Cusparse(CusparseApi.cusparseCreate(out nint handle));
            return handle;
        });
    }

    /// <summary>cusparseGetVersion: major * 1000 + minor * 100 + patch.</summary>
    public int Version
    {
        get
        {
            using var scope = Context.Enter();
            CudaCheck.Cusparse(CusparseApi.cusparseGetVersion(Raw, out int version));
            return version;
        }
    }

    public void SetStream(CudaStream? stream)
    {
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSetStream(Raw, CudaStream.RawHandle(stream)));
    }

    /// <summary>Bytes of workspace <see cref="Run{T}(SpMM{T}, DeviceAllocation?)"/> needs (may be 0).</summary>
    public long WorkspaceSize<T>(SpMM<T> product) where T : unmanaged
    {
        T alpha = product.Alpha, beta = product.Beta;
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSpMM_bufferSize(Raw, product.OpA, product.OpB,
            &alpha, product.A.Raw, product.B.Raw, &beta, product.C.Raw,
            CudaDataTypes.Of<T>(), product.Algorithm, out nuint bytes));
        return (long)bytes;
    }

    public void Run<T>(SpMM<T> product, DeviceAllocation? workspace) where T : unmanaged
    {
        var buffer = Workspace(WorkspaceSize(product), workspace);
        T alpha = product.Alpha, beta = product.Beta;
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSpMM(Raw, product.OpA, product.OpB,
            &alpha, product.A.Raw, product.B.Raw, &beta, product.C.Raw,
            CudaDataTypes.Of<T>(), product.Algorithm, buffer));
    }

    /// <summary>Bytes of workspace the SDDMM calls need (may be 0).</summary>
    public long WorkspaceSize<T>(Sddmm<T> product) where T : unmanaged
    {
        T alpha = product.Alpha, beta = product.Beta;
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSDDMM_bufferSize(Raw, product.OpA, product.OpB,
            &alpha, product.A.Raw, product.B.Raw, &beta, product.C.Raw,
            CudaDataTypes.Of<T>(), product.Algorithm, out nuint bytes));
        return (long)bytes;
    }

    /// <summary>Optional: analysis that later <see cref="Run{T}(Sddmm{T}, DeviceAllocation?)"/> calls with the same
    /// sparsity pattern and workspace reuse.</summary>
    public void Preprocess<T>(Sddmm<T> product, DeviceAllocation? workspace) where T : unmanaged
    {
        var buffer = Workspace(WorkspaceSize(product), workspace);
        T alpha = product.Alpha, beta = product.Beta;
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSDDMM_preprocess(Raw, product.OpA, product.OpB,
            &alpha, product.A.Raw, product.B.Raw, &beta, product.C.Raw,
            CudaDataTypes.Of<T>(), product.Algorithm, buffer));
    }

    public void Run<T>(Sddmm<T> product, DeviceAllocation? workspace) where T : unmanaged
    {
        var buffer = Workspace(WorkspaceSize(product), workspace);
        T alpha = product.Alpha, beta = product.Beta;
        using var scope = Context.Enter();
        CudaCheck.Cusparse(CusparseApi.cusparseSDDMM(Raw, product.OpA, product.OpB,
            &alpha, product.A.Raw, product.B.Raw, &beta, product.C.Raw,
            CudaDataTypes.Of<T>(), product.Algorithm, buffer));
    }

    static DevicePointer Workspace(long required, DeviceAllocation? workspace)
    {
        if (required == 0) return workspace?.Pointer ?? DevicePointer.Null;
        if (workspace is null) throw new EoiArgumentException(nameof(workspace), $"workspace must hold at least {required} bytes; got none");
        DeviceGuard.Holds(workspace, required, nameof(workspace));
        return workspace.Pointer;
    }

    protected override bool ReleaseInContext(nint native) =>
        CusparseApi.cusparseDestroy(native) == CusparseStatus.CUSPARSE_STATUS_SUCCESS;
}
