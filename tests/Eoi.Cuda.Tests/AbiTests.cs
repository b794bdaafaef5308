using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

/// <summary>What crosses the native boundary by value must have the C ABI's size, and every declaration must
/// stay blittable (no hidden marshalling) and match its header's parameter count.</summary>
public class AbiTests
{
    static readonly Type[] Declarations = [typeof(CudaDriverApi), typeof(CublasApi), typeof(CusparseApi), typeof(NvrtcApi)];

    static IEnumerable<(MethodInfo Method, LibraryImportAttribute Import)> Imports =>
        Declarations.SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Select(method => (method, method.GetCustomAttribute<LibraryImportAttribute>()))
            .Where(pair => pair.Item2 is not null)
            .Select(pair => (pair.method, pair.Item2!));

    /// <summary>Parameter counts from cuda.h, cublas_api.h, cusparse.h and nvrtc.h.</summary>
    static readonly Dictionary<string, int> HeaderArity = new()
    {
        ["cuInit"] = 1, ["cuDriverGetVersion"] = 1, ["cuDeviceGetCount"] = 1, ["cuDeviceGet"] = 2, ["cuDeviceGetName"] = 3,
        ["cuDeviceTotalMem_v2"] = 2, ["cuDeviceGetAttribute"] = 3, ["cuDevicePrimaryCtxRetain"] = 2,
        ["cuDevicePrimaryCtxRelease_v2"] = 1, ["cuCtxSetCurrent"] = 1, ["cuCtxPushCurrent_v2"] = 1, ["cuCtxPopCurrent_v2"] = 1,
        ["cuStreamCreate"] = 2, ["cuStreamDestroy_v2"] = 1, ["cuStreamSynchronize"] = 1, ["cuMemAlloc_v2"] = 2, ["cuMemFree_v2"] = 1,
        ["cuMemcpyHtoD_v2"] = 3, ["cuMemcpyDtoH_v2"] = 3, ["cuMemcpyHtoDAsync_v2"] = 4, ["cuMemcpyDtoHAsync_v2"] = 4,
        ["cuMemsetD8_v2"] = 3, ["cuMemsetD32_v2"] = 3, ["cuModuleLoadData"] = 2, ["cuModuleGetFunction"] = 3, ["cuModuleUnload"] = 1,
        ["cuLaunchKernel"] = 11, ["cuGetErrorName"] = 2, ["cuGetErrorString"] = 2,
        ["cublasCreate_v2"] = 1, ["cublasDestroy_v2"] = 1, ["cublasSetStream_v2"] = 2, ["cublasGetVersion_v2"] = 2,
        ["cublasGetProperty"] = 2, ["cublasSetMathMode"] = 2, ["cublasSgemm_v2"] = 14, ["cublasDgemm_v2"] = 14,
        ["cusparseCreate"] = 1, ["cusparseDestroy"] = 1, ["cusparseGetVersion"] = 2, ["cusparseGetProperty"] = 2,
        ["cusparseSetStream"] = 2, ["cusparseGetErrorName"] = 1, ["cusparseCreateCsr"] = 11, ["cusparseDestroySpMat"] = 1,
        ["cusparseCreateDnMat"] = 7, ["cusparseDestroyDnMat"] = 1, ["cusparseSpMM_bufferSize"] = 11, ["cusparseSpMM"] = 11,
        ["cusparseSDDMM_bufferSize"] = 11, ["cusparseSDDMM_preprocess"] = 11, ["cusparseSDDMM"] = 11,
        ["nvrtcVersion"] = 2, ["nvrtcGetNumSupportedArchs"] = 1, ["nvrtcGetSupportedArchs"] = 1, ["nvrtcCreateProgram"] = 6,
        ["nvrtcCompileProgram"] = 3, ["nvrtcGetProgramLogSize"] = 2, ["nvrtcGetProgramLog"] = 2, ["nvrtcGetPTXSize"] = 2,
        ["nvrtcGetPTX"] = 2, ["nvrtcDestroyProgram"] = 1, ["nvrtcGetErrorString"] = 1,
    };

    [Fact]
    public void ValueTypesHaveTheirCSizes()
    {
        Assert.Equal(8, Unsafe.SizeOf<DevicePointer>());   // CUdeviceptr: unsigned long long
        Assert.Equal(8, Marshal.SizeOf<DevicePointer>());
        Assert.Equal(8, IntPtr.Size);                       // opaque handles: CUcontext, cublasHandle_t, ...
        Assert.Equal(8, UIntPtr.Size);                      // size_t
        Assert.Equal(4, sizeof(int));                       // CUdevice, and every C enum
        Assert.Equal(8, sizeof(long));                      // int64_t in the cuSPARSE descriptors
        Assert.Equal(12, Unsafe.SizeOf<Dim3>());            // dim3: three unsigned ints
    }

    [Fact]
    public void EveryHeaderFunctionIsDeclaredWithItsArity()
    {
        var declared = Imports.ToDictionary(i => i.Method.Name, i => i.Method.GetParameters().Length);
        Assert.Equal(HeaderArity.Keys.Order(), declared.Keys.Order());
        Assert.All(HeaderArity, entry => Assert.True(declared[entry.Key] == entry.Value,
            $"{entry.Key} declares {declared[entry.Key]} parameters; the header has {entry.Value}"));
    }

    [Fact]
    public void EachLibraryIsDeclaredInItsOwnClassUnderItsImportName()
    {
        var expected = new Dictionary<Type, (string Import, string Prefix)>
        {
            [typeof(CudaDriverApi)] = (ImportNames.Driver, "cu"),
            [typeof(CublasApi)] = (ImportNames.Cublas, "cublas"),
            [typeof(CusparseApi)] = (ImportNames.Cusparse, "cusparse"),
            [typeof(NvrtcApi)] = (ImportNames.Nvrtc, "nvrtc"),
        };
        Assert.All(Imports, import =>
        {
            var (library, prefix) = expected[import.Method.DeclaringType!];
            Assert.Equal(library, import.Import.LibraryName);
            Assert.StartsWith(prefix, import.Method.Name, StringComparison.Ordinal);
            Assert.Null(import.Import.EntryPoint); // the method name is the exported symbol
        });
    }

    [Fact]
    public void EverySignatureIsBlittable()
    {
        static bool Blittable(Type type)
        {
            if (type.IsByRef || type.IsPointer) return Blittable(type.GetElementType()!);
            if (type.IsEnum) return Marshal.SizeOf(Enum.GetUnderlyingType(type)) == 4;
            return type == typeof(void) || type == typeof(byte) || type == typeof(int) || type == typeof(uint) || type == typeof(long)
                || type == typeof(float) || type == typeof(double) || type == typeof(nint) || type == typeof(nuint)
                || type == typeof(DevicePointer);
        }

        var offending = Imports
            .SelectMany(i => i.Method.GetParameters().Select(p => (i.Method.Name, p.ParameterType))
                .Append((i.Method.Name, i.Method.ReturnType)))
            .Where(x => !Blittable(x.Item2))
            .Select(x => $"{x.Name}: {x.Item2}");
        Assert.Empty(offending);
    }
}
