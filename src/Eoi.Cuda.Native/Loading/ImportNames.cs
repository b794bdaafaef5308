namespace Eoi.Cuda.Native;

/// <summary>The logical names the [LibraryImport] declarations use; the assembly's import resolver
/// (<see cref="CudaLibraries"/>) maps each to the file the probe found. They deliberately match no real file:
/// when the probe finds nothing, the runtime's own fallback search then fails too, instead of quietly loading
/// some other libcuda.so (such as the toolkit's link stub) behind the probe's back.</summary>
public static class ImportNames
{
    public const string Driver = "eoi-libcuda";
    public const string Cublas = "eoi-libcublas";
    public const string Cusparse = "eoi-libcusparse";
    public const string Nvrtc = "eoi-libnvrtc";
}
