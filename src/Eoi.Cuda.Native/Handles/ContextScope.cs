namespace Eoi.Cuda.Native;

/// <summary>Makes a context current on this thread for the scope's lifetime (cuCtxPushCurrent / PopCurrent)
/// and keeps it from being released meanwhile. Every wrapper call enters one, so no code here depends on
/// which thread last made which context current.</summary>
public readonly struct ContextScope : IDisposable
{
    readonly CudaContext? context;

    internal ContextScope(CudaContext context)
    {
        bool added = false;
        context.DangerousAddRef(ref added);
        try
        {
            CudaCheck.Driver(CudaDriverApi.cuCtxPushCurrent_v2(context.DangerousGetHandle()));
        }
        catch
        {
            context.DangerousRelease();
            throw;
        }
        this.context = context;
    }

    public void Dispose()
    {
        if (context is null) return;
        CudaDriverApi.cuCtxPopCurrent_v2(out _);
        context.DangerousRelease();
    }
}
