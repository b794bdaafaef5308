namespace Eoi.Cuda.Native;

/// <summary>The logical names the [LibraryImport] declarations use. They are not file names: the assembly's
/// import resolver (<see cref="CudaLibraries"/>) maps each to the file the probe found.</summary>
public static class ImportNames
{
    public const string Driver = "cuda";
    public const string Cublas = "cublas";
    public const string Cusparse = "cusparse";
    public const string Nvrtc = "nvrtc";
}
