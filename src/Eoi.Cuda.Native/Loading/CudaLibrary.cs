namespace Eoi.Cuda.Native;

/// <summary>The four NVIDIA libraries this project calls.</summary>
public enum CudaLibrary
{
    Driver,
    Cublas,
    Cusparse,
    Nvrtc,
}
