using Eoi.Core;

namespace Eoi.Backends;

/// <summary>
/// Average or max pooling over Planes independent Height x Width planes (batch times channels), a square
/// Kernel window moved by Stride, no padding.
/// </summary>
public readonly record struct PoolGeometry(int Planes, int Height, int Width, int Kernel, int Stride)
{
    public int OutHeight => (Height - Kernel) / Stride + 1;
    public int OutWidth => (Width - Kernel) / Stride + 1;
    public int InputLength => Planes * Height * Width;
    public int OutputLength => Planes * OutHeight * OutWidth;

    public void Validate()
    {
        Guard.Positive(Planes, nameof(Planes));
        Guard.Positive(Stride, nameof(Stride));
        Guard.InRange(Kernel, 1, Math.Min(Height, Width), nameof(Kernel));
    }
}
