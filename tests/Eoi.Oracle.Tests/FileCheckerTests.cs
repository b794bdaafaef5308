using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Oracle.Tests;

/// <summary>A C# caller generates, writes and checks layer files with the library alone, no command line.</summary>
public class FileCheckerTests
{
    [Theory]
    [InlineData(LayerKind.Linear, "w.safetensors")]
    [InlineData(LayerKind.Conv, "k.safetensors")]
    [InlineData(LayerKind.Linear, "w.npy")]
    public void A_generated_layer_file_checks_against_its_plan_and_metadata(LayerKind kind, string name)
    {
        using var dir = new TempDirectory();
        var request = new LayerRequest(kind, 24, 16, 0.3, 7, 1.5, StoppingRule.Paper,
            kind == LayerKind.Conv ? new KernelSize(3, 3) : KernelSize.Matrix, CentreDensityRule.Plain, ElementType.Float32);
        LayerFiles.Write(Generation.Generate(request), new OutputFiles(dir.File(name), Plan: dir.File("p.jsonl")));

        var outcome = FileChecker.Check(new CheckRequest(dir.File(name), Gain: 1.5, Density: 0.3, Plan: dir.File("p.jsonl")));

        Assert.True(outcome.Report.Passed, string.Join("; ", outcome.Report.Failures));
        Assert.Equal("rounded-once", outcome.Report.Items.Single(i => i.Name == "precision model").Measured);
    }

    [Fact]
    public void A_kernel_built_from_the_centre_tap_is_the_same_kernel()
    {
        var kernel = DeltaOrthogonal.Generate(new KernelShape(6, 4, 3, 5), 0.5, Eoi.Random.RngKey.FromSeed(2)).Values;
        var rebuilt = CentreTap.Embed(CentreTap.Extract(kernel), kernel.Shape);
        Assert.Equal(kernel.Data, rebuilt.Data);
        Assert.Equal(7, CentreTap.Index(3, 5));
    }
}
