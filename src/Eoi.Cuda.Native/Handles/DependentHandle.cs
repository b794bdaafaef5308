using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>A SafeHandle for a native object that must not outlive others: a stream its context, a sparse
/// descriptor its buffers. It takes a reference on each dependency before the native object exists and drops
/// them only after releasing its own, so the order is right even when finalizers do the releasing.</summary>
public abstract class DependentHandle : SafeHandle
{
    readonly SafeHandle[] dependencies;
    int dependenciesReleased;

    protected DependentHandle(params SafeHandle[] dependencies) : base(0, ownsHandle: true)
    {
        var taken = new List<SafeHandle>(dependencies.Length);
        try
        {
            foreach (var dependency in dependencies)
            {
                bool added = false;
                dependency.DangerousAddRef(ref added); // throws ObjectDisposedException for a disposed one
                taken.Add(dependency);
            }
        }
        catch
        {
            foreach (var dependency in taken) dependency.DangerousRelease();
            GC.SuppressFinalize(this);
            throw;
        }
        this.dependencies = dependencies;
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The native handle for a call; ObjectDisposedException once disposed.</summary>
    internal nint Raw
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <summary>Runs the native create call for a new shell and takes ownership of the result. If the call
    /// throws, the shell is disposed, which hands back its references.</summary>
    protected static T Create<T>(T shell, Func<nint> createNative) where T : DependentHandle
    {
        try
        {
            shell.SetHandle(createNative());
            return shell;
        }
        catch
        {
            shell.Dispose();
            throw;
        }
    }

    /// <summary>Frees the native object; returns whether the library reported success.</summary>
    protected abstract bool ReleaseNative(nint native);

    protected sealed override bool ReleaseHandle()
    {
        try
        {
            return ReleaseNative(handle);
        }
        finally
        {
            ReleaseDependencies();
        }
    }

    protected override void Dispose(bool disposing)
    {
        // A shell that never got a native object is not passed to ReleaseHandle, so its references go here.
        if (IsInvalid) ReleaseDependencies();
        base.Dispose(disposing);
    }

    void ReleaseDependencies()
    {
        if (Interlocked.Exchange(ref dependenciesReleased, 1) != 0) return;
        for (int i = dependencies.Length - 1; i >= 0; i--) dependencies[i].DangerousRelease();
    }
}
