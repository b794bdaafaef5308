namespace Eoi.Cuda.Native;

/// <summary>A native object that lives in a CUDA context (memory, stream, module, library handle) and must be
/// freed with that context current.</summary>
public abstract class ContextBoundHandle : DependentHandle
{
    protected ContextBoundHandle(CudaContext context) : base(context)
    {
        Context = context;
    }

    public CudaContext Context { get; }

    protected sealed override bool ReleaseNative(nint native)
    {
        // Often runs on the finalizer thread, which has no current context, and possibly after the context was
        // disposed (its release waits for ours): so push its raw handle rather than Enter(), which needs a live one.
        if (CudaDriverApi.cuCtxPushCurrent_v2(Context.DangerousGetHandle()) != CudaResult.CUDA_SUCCESS) return false;
        try
        {
            return ReleaseInContext(native);
        }
        finally
        {
            CudaDriverApi.cuCtxPopCurrent_v2(out _);
        }
    }

    /// <summary>Frees the native object; the owning context is current.</summary>
    protected abstract bool ReleaseInContext(nint native);
}
