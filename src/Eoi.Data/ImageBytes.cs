using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// Images as they are stored on disk: one unsigned byte (0..255) per pixel, image after image, each image
/// channel-major (all of channel 0, then channel 1, ...) and row-major inside a channel, i.e. N x C x H x W.
/// This is the common ground of every reader; normalisation to float32 happens once, in
/// <see cref="Normalization"/>.
/// </summary>
public sealed class ImageBytes
{
    public int Count { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }
    public byte[] Pixels { get; }

    public ImageBytes(int count, int channels, int height, int width, byte[] pixels)
    {
        Guard.NotNull(pixels, nameof(pixels));
        Guard.InRange(count, 0, int.MaxValue, nameof(count));
        Guard.Positive(channels, nameof(channels));
        Guard.Positive(height, nameof(height));
        Guard.Positive(width, nameof(width));
        long expected = (long)count * channels * height * width;
        if (pixels.LongLength != expected)
            throw new EoiArgumentException(nameof(pixels),
                $"pixels must hold {count} x {channels} x {height} x {width} = {expected} bytes; got {pixels.LongLength}");
        Count = count;
        Channels = channels;
        Height = height;
        Width = width;
        Pixels = pixels;
    }

    /// <summary>Bytes per image: C * H * W.</summary>
    public int ImageSize => Channels * Height * Width;

    public ReadOnlySpan<byte> Image(int index)
    {
        Guard.InRange(index, 0, Count - 1, nameof(index));
        return Pixels.AsSpan(index * ImageSize, ImageSize);
    }

    /// <summary>The images at <paramref name="indices"/>, in that order (a copy).</summary>
    public ImageBytes Select(ReadOnlySpan<int> indices)
    {
        var pixels = new byte[(long)indices.Length * ImageSize];
        for (int i = 0; i < indices.Length; i++)
            Image(indices[i]).CopyTo(pixels.AsSpan(i * ImageSize, ImageSize));
        return new ImageBytes(indices.Length, Channels, Height, Width, pixels);
    }

    /// <summary>Each image zero-padded to at least <paramref name="side"/> x <paramref name="side"/>, centred as
    /// LeNet pads 28 x 28 digits to 32 x 32 (2 pixels each side; an odd difference puts the extra pixel below
    /// and right); sides already at least that long are left alone. Padding is added to the raw bytes, so after
    /// normalisation it reads as the background of a digit (raw 0).</summary>
    public ImageBytes PadTo(int side)
    {
        Guard.Positive(side, nameof(side));
        int height = Math.Max(Height, side), width = Math.Max(Width, side);
        if (height == Height && width == Width) return this;
        int top = (height - Height) / 2, left = (width - Width) / 2;
        var pixels = new byte[checked(Count * Channels * height * width)];
        for (int plane = 0; plane < Count * Channels; plane++)
            for (int row = 0; row < Height; row++)
                Pixels.AsSpan((plane * Height + row) * Width, Width)
                    .CopyTo(pixels.AsSpan((plane * height + top + row) * width + left, Width));
        return new ImageBytes(Count, Channels, height, width, pixels);
    }
}
