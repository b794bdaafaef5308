using System.IO.Compression;
using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle.Tests;

public class ModelCheckerTests
{
    [Fact]
    public void A_torch_state_dict_gets_one_row_per_tensor_and_the_bad_layer_is_named()
    {
        using var dir = new TempDirectory();
        TorchStateDict.Write(dir.File("model.safetensors"));
        Assert.True(ModelChecker.IsModelFile(dir.File("model.safetensors")));

        var outcome = ModelChecker.Check(new ModelCheckRequest(dir.File("model.safetensors")));

        Assert.Equal(12, outcome.Tensors.Count);
        Assert.False(outcome.Passed);
        Assert.Equal([TorchStateDict.BadLayer], outcome.Failures.Select(f => f.Name));
        Assert.Equal(["classifier.0.weight", "classifier.1.weight", "classifier.2.weight", "features.0.weight"],
                     outcome.Tensors.Where(t => t.Report is not null).Select(t => t.Name));
        Assert.Contains("1-D", outcome.Tensors.Single(t => t.Name == "features.1.running_mean").SkipReason);
        Assert.Contains("I64", outcome.Tensors.Single(t => t.Name == "features.1.num_batches_tracked").SkipReason);
        Assert.Contains("F16", outcome.Tensors.Single(t => t.Name == "classifier.2.bias").SkipReason);
        // The conv kernel is judged by the delta condition.
        Assert.Contains(outcome.Tensors.Single(t => t.Name == "features.0.weight").Report!.Items, i => i.Name == "delta condition (all shifts)");
    }

    [Fact]
    public void A_glob_selects_tensors_and_one_that_matches_nothing_is_an_error()
    {
        using var dir = new TempDirectory();
        TorchStateDict.Write(dir.File("model.safetensors"));

        var outcome = ModelChecker.Check(new ModelCheckRequest(dir.File("model.safetensors"), TensorGlob: "features.*.weight"));

        Assert.Equal(["features.0.weight", "features.1.weight"], outcome.Tensors.Select(t => t.Name));
        Assert.True(outcome.Passed);
        var ex = Assert.Throws<EoiArgumentException>(() => ModelChecker.Check(new ModelCheckRequest(dir.File("model.safetensors"), TensorGlob: "decoder.*")));
        Assert.Contains("matches none", ex.Message);
    }

    [Fact]
    public void A_given_density_is_judged_for_every_layer()
    {
        using var dir = new TempDirectory();
        TorchStateDict.Write(dir.File("model.safetensors"));

        var outcome = ModelChecker.Check(new ModelCheckRequest(dir.File("model.safetensors"), TensorGlob: "classifier.1.weight", Density: 0.9));

        Assert.Contains("density", outcome.Failures.Single().Report!.Failures.Select(f => f.Name));
    }

    [Fact]
    public void An_npz_model_is_read_member_by_member()
    {
        using var dir = new TempDirectory();
        var good = SparseOrthogonal.Generate(20, 40, 0.2, RngKey.FromSeed(1)).ToDense();
        NpyFile.Write(dir.File("w.npy"), good);
        NpyFile.Write(dir.File("b.npy"), new NdArray([20], ElementType.Float64, new double[20]));
        using (var zip = ZipFile.Open(dir.File("model.npz"), ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(dir.File("w.npy"), "fc.weight.npy");
            zip.CreateEntryFromFile(dir.File("b.npy"), "fc.bias.npy");
        }

        var outcome = ModelChecker.Check(new ModelCheckRequest(dir.File("model.npz")));

        Assert.True(outcome.Passed);
        Assert.Equal(["fc.weight", "fc.bias"], outcome.Tensors.Select(t => t.Name));
        Assert.NotNull(outcome.Tensors[0].Report);
        Assert.Null(outcome.Tensors[1].Report);
    }
}
