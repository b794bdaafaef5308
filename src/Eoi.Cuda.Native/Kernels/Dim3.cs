namespace Eoi.Cuda.Native;

/// <summary>A grid or block size, as cuLaunchKernel takes it; a plain uint converts to a 1-D one.</summary>
public readonly record struct Dim3(uint X, uint Y = 1, uint Z = 1)
{
    public static implicit operator Dim3(uint x) => new(x);

    /// <summary>The 1-D grid that covers <paramref name="count"/> threads with blocks of <paramref name="blockSize"/>.</summary>
    public static Dim3 BlocksFor(long count, uint blockSize)
    {
        DeviceGuard.Positive(count, nameof(count));
        DeviceGuard.Positive(blockSize, nameof(blockSize));
        return new Dim3(checked((uint)((count + blockSize - 1) / blockSize)));
    }
}
