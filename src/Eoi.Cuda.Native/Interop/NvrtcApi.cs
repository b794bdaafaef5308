using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>The NVRTC API (nvrtc.h) entry points used here. Strings are NUL-terminated UTF-8 that callers
/// build themselves, which keeps every signature blittable.</summary>
public static unsafe partial class NvrtcApi
{
    static NvrtcApi() => CudaLibraries.EnsureResolverInstalled();

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcVersion(out int major, out int minor);

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetNumSupportedArchs(out int count);

    /// <summary>Fills an array of nvrtcGetNumSupportedArchs ints, ascending (e.g. 75, 80, 86, 89, 90).</summary>
    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetSupportedArchs(int* architectures);

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcCreateProgram(
        out nint program, byte* source, byte* name, int headerCount, byte** headers, byte** includeNames);

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcCompileProgram(nint program, int optionCount, byte** options);

    /// <summary>The size includes the terminating NUL.</summary>
    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetProgramLogSize(nint program, out nuint size);

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetProgramLog(nint program, byte* log);

    /// <summary>The size includes the terminating NUL.</summary>
    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetPTXSize(nint program, out nuint size);

    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcGetPTX(nint program, byte* ptx);

    /// <summary>Takes the handle by reference and sets it to NULL.</summary>
    [LibraryImport(ImportNames.Nvrtc)]
    public static partial NvrtcResult nvrtcDestroyProgram(ref nint program);

    /// <summary>Returns a static NUL-terminated string owned by the library, e.g. "NVRTC_ERROR_COMPILATION".</summary>
    [LibraryImport(ImportNames.Nvrtc)]
    public static partial byte* nvrtcGetErrorString(NvrtcResult result);
}
