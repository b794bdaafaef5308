using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>The cuSPARSE generic API (cusparse.h) entry points used here. Descriptors are opaque pointers;
/// alpha and beta are host pointers to a value of the compute type.</summary>
public static unsafe partial class CusparseApi
{
    static CusparseApi() => CudaLibraries.EnsureResolverInstalled();

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseCreate(out nint handle);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseDestroy(nint handle);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseGetVersion(nint handle, out int version);

    /// <summary>Needs no handle, so the probe can read the version without touching a device.</summary>
    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseGetProperty(LibraryPropertyType type, out int value);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSetStream(nint handle, nint stream);

    /// <summary>Returns a static NUL-terminated string owned by the library.</summary>
    [LibraryImport(ImportNames.Cusparse)]
    public static partial byte* cusparseGetErrorName(CusparseStatus status);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseCreateCsr(
        out nint descriptor, long rows, long cols, long nnz,
        DevicePointer rowOffsets, DevicePointer columnIndices, DevicePointer values,
        CusparseIndexType rowOffsetsType, CusparseIndexType columnIndicesType,
        CusparseIndexBase indexBase, CudaDataType valueType);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseDestroySpMat(nint descriptor);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseCreateDnMat(
        out nint descriptor, long rows, long cols, long leadingDimension,
        DevicePointer values, CudaDataType valueType, CusparseOrder order);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseDestroyDnMat(nint descriptor);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSpMM_bufferSize(
        nint handle, CusparseOperation opA, CusparseOperation opB,
        void* alpha, nint matA, nint matB, void* beta, nint matC,
        CudaDataType computeType, CusparseSpMMAlgorithm algorithm, out nuint bufferSize);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSpMM(
        nint handle, CusparseOperation opA, CusparseOperation opB,
        void* alpha, nint matA, nint matB, void* beta, nint matC,
        CudaDataType computeType, CusparseSpMMAlgorithm algorithm, DevicePointer externalBuffer);

    /// <summary>SDDMM: matA and matB are dense, matC is the sparse output whose pattern selects the entries.</summary>
    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSDDMM_bufferSize(
        nint handle, CusparseOperation opA, CusparseOperation opB,
        void* alpha, nint matA, nint matB, void* beta, nint matC,
        CudaDataType computeType, CusparseSddmmAlgorithm algorithm, out nuint bufferSize);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSDDMM_preprocess(
        nint handle, CusparseOperation opA, CusparseOperation opB,
        void* alpha, nint matA, nint matB, void* beta, nint matC,
        CudaDataType computeType, CusparseSddmmAlgorithm algorithm, DevicePointer externalBuffer);

    [LibraryImport(ImportNames.Cusparse)]
    public static partial CusparseStatus cusparseSDDMM(
        nint handle, CusparseOperation opA, CusparseOperation opB,
        void* alpha, nint matA, nint matB, void* beta, nint matC,
        CudaDataType computeType, CusparseSddmmAlgorithm algorithm, DevicePointer externalBuffer);
}
