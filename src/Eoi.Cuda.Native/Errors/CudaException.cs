using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>A CUDA, cuBLAS, cuSPARSE or NVRTC call that returned a failure status. The message names the
/// call and the status, e.g. "cusparseSpMM failed: CUSPARSE_STATUS_INVALID_VALUE (3)".</summary>
public class CudaException : EoiException
{
    public string Call { get; }
    public string StatusName { get; }
    public int StatusCode { get; }

    public CudaException(string call, string statusName, int statusCode, string? detail = null)
        : base($"{call} failed: {statusName} ({statusCode})" + (detail is null ? "" : $": {detail}"))
    {
        Call = call;
        StatusName = statusName;
        StatusCode = statusCode;
    }

    public static CudaException FromDriver(CudaResult result, string call) =>
        new(call, CudaStatusNames.Of(result), (int)result, CudaStatusNames.DriverDescription(result));

    public static CudaException FromCublas(CublasStatus status, string call) =>
        new(call, CudaStatusNames.Of(status), (int)status);

    public static CudaException FromCusparse(CusparseStatus status, string call) =>
        new(call, CudaStatusNames.Of(status), (int)status);

    public static CudaException FromNvrtc(NvrtcResult result, string call) =>
        new(call, CudaStatusNames.Of(result), (int)result);
}
