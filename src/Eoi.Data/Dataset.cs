using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// Examples ready for training: float32 inputs, one per row of <see cref="Inputs"/> in row-major order, with
/// <see cref="SampleShape"/> C x H x W for images (CNNs) or a single feature count (MLPs, see
/// <see cref="Flatten"/>), and integer class labels in [0, ClassCount). Slicing and flattening share the
/// underlying arrays, so splitting a 60,000-image training set costs no copy.
/// </summary>
public sealed class Dataset
{
    readonly int[] _sampleShape;

    public string Name { get; }
    public ReadOnlyMemory<float> Inputs { get; }
    public ReadOnlyMemory<int> Labels { get; }
    public int ClassCount { get; }
    public int SampleSize { get; }

    public Dataset(string name, ReadOnlyMemory<float> inputs, int[] sampleShape, ReadOnlyMemory<int> labels, int classCount)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(sampleShape, nameof(sampleShape));
        Guard.Positive(classCount, nameof(classCount));
        if (sampleShape.Length == 0 || sampleShape.Any(d => d <= 0))
            throw new EoiArgumentException(nameof(sampleShape),
                $"sampleShape must be one or more positive sizes; got [{string.Join(", ", sampleShape)}]");
        long sampleSize = sampleShape.Aggregate(1L, (product, d) => product * d);
        if ((long)labels.Length * sampleSize != inputs.Length)
            throw new EoiArgumentException(nameof(inputs),
                $"inputs must hold {labels.Length} examples x {sampleSize} values = {labels.Length * sampleSize}; got {inputs.Length}");
        ReadOnlySpan<int> span = labels.Span;
        for (int i = 0; i < span.Length; i++)
            if ((uint)span[i] >= (uint)classCount)
                throw new EoiArgumentException(nameof(labels), $"labels must be in [0, {classCount - 1}]; got {span[i]} at index {i}");
        Name = name;
        Inputs = inputs;
        _sampleShape = (int[])sampleShape.Clone();
        Labels = labels;
        ClassCount = classCount;
        SampleSize = (int)sampleSize;
    }

    /// <summary>Normalises raw images into a dataset of C x H x W samples.</summary>
    public static Dataset FromImages(string name, LabeledImages data, int classCount, Normalization normalization)
    {
        Guard.NotNull(data, nameof(data));
        Guard.NotNull(normalization, nameof(normalization));
        ImageBytes images = data.Images;
        int[] labels = Array.ConvertAll(data.Labels, b => (int)b);
        return new Dataset(name, normalization.Apply(images), [images.Channels, images.Height, images.Width], labels, classCount);
    }

    public int Count => Labels.Length;
    public IReadOnlyList<int> SampleShape => _sampleShape;

    /// <summary>[Count, ..SampleShape], e.g. N x C x H x W.</summary>
    public Shape Shape => [Count, .. _sampleShape];

    public ReadOnlySpan<float> Input(int index)
    {
        Guard.InRange(index, 0, Count - 1, nameof(index));
        return Inputs.Span.Slice(index * SampleSize, SampleSize);
    }

    /// <summary>The same examples as N x features vectors (for MLPs); no copy.</summary>
    public Dataset Flatten() => new(Name, Inputs, [SampleSize], Labels, ClassCount);

    /// <summary>Examples start .. start + count - 1 under a new name; no copy.</summary>
    public Dataset Slice(int start, int count, string name)
    {
        Guard.InRange(start, 0, Count, nameof(start));
        Guard.InRange(count, 0, Count - start, nameof(count));
        return new Dataset(name, Inputs.Slice(start * SampleSize, count * SampleSize), _sampleShape, Labels.Slice(start, count), ClassCount);
    }

    public override string ToString() => $"{Name}: {Count} x {string.Join(" x ", _sampleShape)}, {ClassCount} classes";
}
