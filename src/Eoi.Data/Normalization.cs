using System.Globalization;
using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// Per-channel input normalisation x = (b / 255 − mean_c) / std_c, computed in float32 arithmetic step by
/// step exactly as torchvision's ToTensor followed by Normalize does, so the values equal the authors'
/// inputs bit for bit. The constants are the ones their data loaders use.
/// </summary>
public sealed class Normalization
{
    /// <summary>MNIST training-set mean and standard deviation.</summary>
    public static Normalization Mnist { get; } = new([0.1307f], [0.3081f]);

    /// <summary>Fashion-MNIST training-set mean and standard deviation.</summary>
    public static Normalization FashionMnist { get; } = new([0.2860f], [0.3530f]);

    /// <summary>CIFAR-10 per-channel (R, G, B) constants.</summary>
    public static Normalization Cifar10 { get; } = new([0.4914f, 0.4822f, 0.4465f], [0.2023f, 0.1994f, 0.2010f]);

    readonly float[] _mean;
    readonly float[] _std;

    public Normalization(float[] mean, float[] std)
    {
        Guard.NotNull(mean, nameof(mean));
        Guard.NotNull(std, nameof(std));
        if (mean.Length == 0 || mean.Length != std.Length)
            throw new EoiArgumentException(nameof(std),
                $"mean and std must have the same positive length (one per channel); got {mean.Length} and {std.Length}");
        foreach (float s in std)
            Guard.PositiveFinite(s, nameof(std));
        foreach (float m in mean)
            Guard.Finite(m, nameof(mean));
        _mean = (float[])mean.Clone();
        _std = (float[])std.Clone();
    }

    public int Channels => _mean.Length;
    public IReadOnlyList<float> Mean => _mean;
    public IReadOnlyList<float> Std => _std;

    /// <summary>The normalised value of pixel byte <paramref name="pixel"/> in channel <paramref name="channel"/>.</summary>
    public float Apply(byte pixel, int channel) => ((float)pixel / 255f - _mean[channel]) / _std[channel];

    /// <summary>All images as float32, same layout as <see cref="ImageBytes.Pixels"/>.</summary>
    public float[] Apply(ImageBytes images)
    {
        Guard.NotNull(images, nameof(images));
        if (images.Channels != Channels)
            throw new EoiArgumentException(nameof(images),
                $"images must have {Channels} channel(s) for this normalisation; got {images.Channels}");
        // A byte has 256 values, so a table per channel turns the work into one lookup per pixel.
        float[][] tables = new float[Channels][];
        for (int c = 0; c < Channels; c++)
        {
            tables[c] = new float[256];
            for (int b = 0; b < 256; b++)
                tables[c][b] = Apply((byte)b, c);
        }
        var values = new float[images.Pixels.LongLength];
        int plane = images.Height * images.Width;
        long offset = 0;
        for (int n = 0; n < images.Count; n++)
            for (int c = 0; c < Channels; c++)
            {
                float[] table = tables[c];
                for (int p = 0; p < plane; p++, offset++)
                    values[offset] = table[images.Pixels[offset]];
            }
        return values;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"mean ({string.Join(", ", _mean)}), std ({string.Join(", ", _std)})");
}
