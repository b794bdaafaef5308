using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Cuda.Tests;

public class ErrorMappingTests
{
    // Stand-ins named like the real calls: CudaCheck names the exception after the call expression.
    static CusparseStatus cusparseSpMM() => CusparseStatus.CUSPARSE_STATUS_INVALID_VALUE;
    static CublasStatus cublasSgemm_v2() => CublasStatus.CUBLAS_STATUS_INVALID_VALUE;
    static NvrtcResult nvrtcCreateProgram() => NvrtcResult.NVRTC_ERROR_INVALID_INPUT;
    static CudaResult cuMemAlloc_v2() => CudaResult.CUDA_ERROR_OUT_OF_MEMORY;
    static CudaResult cuInit() => (CudaResult)12345;

    [Fact]
    public void TheMessageNamesTheCallAndTheStatus()
    {
        var e = new CudaException("cusparseSpMM", "CUSPARSE_STATUS_INVALID_VALUE", 3);
        Assert.Equal("cusparseSpMM failed: CUSPARSE_STATUS_INVALID_VALUE (3)", e.Message);
        Assert.IsAssignableFrom<EoiException>(e);
        Assert.Equal(("cusparseSpMM", "CUSPARSE_STATUS_INVALID_VALUE", 3), (e.Call, e.StatusName, e.StatusCode));
    }

    [Fact]
    public void CheckNamesTheExceptionAfterTheCallExpression()
    {
        Assert.Equal("cusparseSpMM failed: CUSPARSE_STATUS_INVALID_VALUE (3)",
            Assert.Throws<CudaException>(() => CudaCheck.Cusparse(cusparseSpMM())).Message);
        Assert.Equal("cublasSgemm_v2 failed: CUBLAS_STATUS_INVALID_VALUE (7)",
            Assert.Throws<CudaException>(() => CudaCheck.Cublas(cublasSgemm_v2())).Message);
        Assert.Equal("nvrtcCreateProgram failed: NVRTC_ERROR_INVALID_INPUT (3)",
            Assert.Throws<CudaException>(() => CudaCheck.Nvrtc(nvrtcCreateProgram())).Message);
        // With a driver loaded its own sentence follows ("...: out of memory"); the prefix is the same.
        Assert.StartsWith("cuMemAlloc_v2 failed: CUDA_ERROR_OUT_OF_MEMORY (2)",
            Assert.Throws<CudaException>(() => CudaCheck.Driver(cuMemAlloc_v2())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessDoesNotThrow()
    {
        CudaCheck.Driver(CudaResult.CUDA_SUCCESS);
        CudaCheck.Cublas(CublasStatus.CUBLAS_STATUS_SUCCESS);
        CudaCheck.Cusparse(CusparseStatus.CUSPARSE_STATUS_SUCCESS);
        CudaCheck.Nvrtc(NvrtcResult.NVRTC_SUCCESS);
    }

    [Fact]
    public void AnUndeclaredStatusIsStillReportedByNumber()
    {
        var e = Assert.Throws<CudaException>(() => CudaCheck.Driver(cuInit()));
        Assert.StartsWith("cuInit failed: unknown CUresult (12345)", e.Message, StringComparison.Ordinal);
        Assert.Equal("unknown cublasStatus_t", CudaStatusNames.Of((CublasStatus)99));
    }

    [Theory]
    [InlineData("CusparseApi.cusparseSpMM(Raw, product.OpA,\n    product.OpB)", "cusparseSpMM")]
    [InlineData("CudaDriverApi.cuMemAlloc_v2(out DevicePointer pointer, (nuint)byteLength)", "cuMemAlloc_v2")]
    [InlineData("status", "status")]
    public void TheCallNameIsTheLastNameBeforeTheParenthesis(string expression, string expected) =>
        Assert.Equal(expected, CudaCheck.CallName(expression));

    [Fact]
    public void ACompileErrorCarriesTheLog()
    {
        const string log = "saxpy.cu(3): error: identifier \"flaot\" is undefined\n1 error detected.";
        var e = new NvrtcCompilationException(NvrtcResult.NVRTC_ERROR_COMPILATION, "saxpy.cu", log);
        Assert.Equal(log, e.Log);
        Assert.StartsWith("nvrtcCompileProgram failed: NVRTC_ERROR_COMPILATION (6): saxpy.cu did not compile:", e.Message, StringComparison.Ordinal);
        Assert.Contains("identifier \"flaot\" is undefined", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CudaException>(e);
    }
}
