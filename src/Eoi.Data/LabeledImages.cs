using Eoi.Core;

namespace Eoi.Data;

/// <summary>Raw images with one class label each, as read from a data source before normalisation.</summary>
public sealed class LabeledImages
{
    public ImageBytes Images { get; }
    public byte[] Labels { get; }

    public LabeledImages(ImageBytes images, byte[] labels)
    {
        Guard.NotNull(images, nameof(images));
        Guard.NotNull(labels, nameof(labels));
        if (labels.Length != images.Count)
            throw new EoiArgumentException(nameof(labels),
                $"labels must hold one label per image ({images.Count}); got {labels.Length}");
        Images = images;
        Labels = labels;
    }

    public int Count => Labels.Length;

    /// <summary>The examples at <paramref name="indices"/>, in that order (a copy).</summary>
    public LabeledImages Select(ReadOnlySpan<int> indices)
    {
        var labels = new byte[indices.Length];
        for (int i = 0; i < indices.Length; i++)
            labels[i] = Labels[indices[i]];
        return new LabeledImages(Images.Select(indices), labels);
    }

    /// <summary>The first <paramref name="count"/> examples (a copy).</summary>
    public LabeledImages Take(int count)
    {
        Guard.InRange(count, 0, Count, nameof(count));
        return Select(Enumerable.Range(0, count).ToArray());
    }
}
