using System.Runtime.CompilerServices;

namespace Eoi.Cuda.Native;

/// <summary>Turns a failure status into a <see cref="CudaException"/> named after the call that returned it:
/// <c>CudaCheck.Driver(CudaDriverApi.cuMemAlloc_v2(out var p, n))</c> reports "cuMemAlloc_v2 failed: ...".
/// The call name comes from the argument expression, so it cannot drift from the call.</summary>
public static class CudaCheck
{
    public static void Driver(CudaResult result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != CudaResult.CUDA_SUCCESS) throw CudaException.FromDriver(result, CallName(call));
    }

    public static void Cublas(CublasStatus status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != CublasStatus.CUBLAS_STATUS_SUCCESS) throw CudaException.FromCublas(status, CallName(call));
    }

    public static void Cusparse(CusparseStatus status, [CallerArgumentExpression(nameof(status))] string call = "")
    {
        if (status != CusparseStatus.CUSPARSE_STATUS_SUCCESS) throw CudaException.FromCusparse(status, CallName(call));
    }

    public static void Nvrtc(NvrtcResult result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != NvrtcResult.NVRTC_SUCCESS) throw CudaException.FromNvrtc(result, CallName(call));
    }

    /// <summary>"CusparseApi.cusparseSpMM(handle, ...)" gives "cusparseSpMM": the last name before the '('.</summary>
    internal static string CallName(string expression)
    {
        int paren = expression.IndexOf('(');
        string callee = (paren < 0 ? expression : expression[..paren]).Trim();
        return callee[(callee.LastIndexOf('.') + 1)..];
    }
}
