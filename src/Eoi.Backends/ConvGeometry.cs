using Eoi.Core;

namespace Eoi.Backends;

/// <summary>How a convolution treats positions outside the image.</summary>
public enum PaddingMode
{
    /// <summary>Outside positions read as zero.</summary>
    Zeros,
    /// <summary>Outside positions wrap around (the image is a torus), as in the paper's 1000-layer CNN.</summary>
    Circular,
}

/// <summary>
/// One image [Channels, Height, Width] convolved with a KernelHeight x KernelWidth window, the same stride
/// and padding in both directions. Its im2col matrix is [Channels * KernelHeight * KernelWidth, OutHeight * OutWidth],
/// row index (c, ki, kj), column index (oi, oj).
/// </summary>
public readonly record struct ConvGeometry(
    int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding, PaddingMode PaddingMode)
{
    public int OutHeight => (Height + 2 * Padding - KernelHeight) / Stride + 1;
    public int OutWidth => (Width + 2 * Padding - KernelWidth) / Stride + 1;
    public int ImageLength => Channels * Height * Width;
    public int PatchLength => Channels * KernelHeight * KernelWidth;
    public int OutputPixels => OutHeight * OutWidth;
    public int ColumnsLength => PatchLength * OutputPixels;

    /// <summary>Rejects geometries with no output or, for circular padding, a wrap wider than the image.</summary>
    public void Validate()
    {
        Guard.Positive(Channels, nameof(Channels));
        Guard.Positive(Height, nameof(Height));
        Guard.Positive(Width, nameof(Width));
        Guard.Positive(Stride, nameof(Stride));
        Guard.InRange(KernelHeight, 1, Height + 2 * Padding, nameof(KernelHeight));
        Guard.InRange(KernelWidth, 1, Width + 2 * Padding, nameof(KernelWidth));
        // Circular padding wraps once: the padded border must come from inside the image.
        int maxPadding = PaddingMode == PaddingMode.Circular ? Math.Min(Height, Width) : int.MaxValue / 4;
        Guard.InRange(Padding, 0, maxPadding, nameof(Padding));
    }
}
