using System.Reflection;
using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>The process-wide binding of each library, and the assembly's import resolver that sends every
/// [LibraryImport] call to the bound file. The first successful load of a library binds it for the life of the
/// process: the runtime caches each resolved entry point, so a later rebinding could not take effect anyway.</summary>
public static class CudaLibraries
{
    static readonly Lock Gate = new();
    static readonly LibraryLoadResult?[] Bound = new LibraryLoadResult?[CudaLibraryInfo.All.Count];

    static CudaLibraries() => NativeLibrary.SetDllImportResolver(typeof(CudaLibraries).Assembly, Resolve);

    /// <summary>Called from each declaration class's static constructor; touching this class is what installs
    /// the resolver, before the first native call can need it.</summary>
    internal static void EnsureResolverInstalled() { }

    public static bool IsBound(CudaLibrary library)
    {
        lock (Gate) return Bound[(int)library] is not null;
    }

    /// <summary>The bound library, or a fresh search of this process's locations (binding it if found).</summary>
    public static LibraryLoadResult Load(CudaLibrary library)
    {
        lock (Gate)
        {
            if (Bound[(int)library] is { } bound) return bound;
        }
        return Load(library, LibrarySearchOptions.FromProcess());
    }

    /// <summary>Searches with the given options and reports what that search found. A success binds the
    /// library unless another file is bound already, in which case calls keep going to that one.</summary>
    public static LibraryLoadResult Load(CudaLibrary library, LibrarySearchOptions options)
    {
        var result = NativeLibraryProbe.Load(CudaLibraryInfo.Of(library), options);
        if (result.IsLoaded)
        {
            lock (Gate) Bound[(int)library] ??= result;
        }
        return result;
    }

    /// <summary>Throws <see cref="CudaUnavailableException"/>, naming everything tried, unless the library loads.</summary>
    public static void Require(CudaLibrary library)
    {
        var result = Load(library);
        if (!result.IsLoaded) throw new CudaUnavailableException(result);
    }

    /// <summary>Never throws: an unknown name or a missing library gives 0, and the runtime then raises its
    /// own DllNotFoundException at the call, which <see cref="Require"/> is there to pre-empt.</summary>
    internal static nint Resolve(string importName, Assembly assembly, DllImportSearchPath? searchPath) =>
        CudaLibraryInfo.ByImportName(importName) is { } info ? Load(info.Library).Handle : 0;
}
