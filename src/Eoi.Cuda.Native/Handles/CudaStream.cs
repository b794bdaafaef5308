namespace Eoi.Cuda.Native;

/// <summary>A CUDA stream. Wrapper calls that take a stream accept null for the legacy default stream.</summary>
public sealed class CudaStream : ContextBoundHandle
{
    CudaStream(CudaContext context) : base(context) { }

    public static CudaStream Create(CudaContext context, CudaStreamFlags flags = CudaStreamFlags.CU_STREAM_NON_BLOCKING) =>
        Create(new CudaStream(context), () =>
        {
            using var scope = context.Enter();
            CudaCheck.Driver(CudaDriverApi.cuStreamCreate(out nint stream, flags));
            return stream;
        });

    /// <summary>Blocks until everything queued on the stream has run; a failed kernel reports here.</summary>
    public void Synchronize()
    {
        using var scope = Context.Enter();
        CudaCheck.Driver(CudaDriverApi.cuStreamSynchronize(RawHandle(this)));
    }

    /// <summary>The CUstream to pass to native calls; 0 (the default stream) for null.</summary>
    internal static nint RawHandle(CudaStream? stream) => stream?.Raw ?? 0;

    protected override bool ReleaseInContext(nint native) =>
        CudaDriverApi.cuStreamDestroy_v2(native) == CudaResult.CUDA_SUCCESS;
}
