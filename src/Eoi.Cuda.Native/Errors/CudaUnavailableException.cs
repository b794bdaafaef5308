using Eoi.Core;

namespace Eoi.Cuda.Native;

/// <summary>A library the call needs could not be loaded; <see cref="Library"/> lists every place tried.</summary>
public sealed class CudaUnavailableException : EoiException
{
    public LibraryLoadResult Library { get; }

    public CudaUnavailableException(LibraryLoadResult library)
        : base($"CUDA unavailable: {library.FailureReason}")
    {
        Library = library;
    }
}
