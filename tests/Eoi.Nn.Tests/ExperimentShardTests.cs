using System.Text.Json.Nodes;
using Eoi.Core;
using Eoi.Nn.Experiments;
using Eoi.Sparsity;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Splitting grids into shards (every layout covers every run once, balanced by cost) and merging what
/// shards wrote (each run once, only runs of this grid, this code and these settings).</summary>
public class ExperimentShardTests
{
    public static TheoryData<string, bool> Catalogue() =>
        [.. from name in ExperimentCatalog.Names from quick in new[] { true, false } select (name, quick)];

    [Theory]
    [MemberData(nameof(Catalogue))]
    public void EveryLayoutFromOneToSevenShardsRunsEachRunOnceWithinOneRunOfTheMeanCost(string name, bool quick)
    {
        var grid = ExperimentCatalog.Get(name, quick);
        var all = grid.Runs();
        Assert.Equal(all.Count, all.Select(run => run.Name).Distinct().Count());
        double total = all.Sum(run => ExperimentCost.Of(grid, run.Cell)), largest = all.Max(run => ExperimentCost.Of(grid, run.Cell));
        for (int count = 1; count <= 7; count++)
        {
            var shards = Enumerable.Range(1, count).Select(index => new ExperimentShard(index, count).RunsOf(grid)).ToArray();

            Assert.Equal(all.Select(run => run.Number), shards.SelectMany(runs => runs).Select(run => run.Number).Order());
            foreach (var runs in shards)
            {
                Assert.Equal(runs.Select(run => run.Number).Order(), runs.Select(run => run.Number));
                Assert.InRange(runs.Sum(run => ExperimentCost.Of(grid, run.Cell)), 0, total / count + largest);
            }
        }
    }

    [Fact]
    public void ShardsBalanceCostNotCount()
    {
        // mlp1000 full: AI runs (1,000 iterations on 1,000 layers) cost more than base runs, the dense arm more than a sparse one.
        var grid = ExperimentCatalog.Get(ExperimentCatalog.Mlp1000Mnist, quick: false);
        var shards = Enumerable.Range(1, 4).Select(index => new ExperimentShard(index, 4).RunsOf(grid)).ToArray();
        var costs = shards.Select(runs => runs.Sum(run => ExperimentCost.Of(grid, run.Cell))).ToArray();

        Assert.True(ExperimentCost.Of(grid, grid.Cells().First(c => c.Scheme == InitScheme.ApproximateIsometry))
                    > ExperimentCost.Of(grid, grid.Cells().First(c => c.Scheme == InitScheme.Base)));
        Assert.NotEqual(shards.Min(runs => runs.Count), shards.Max(runs => runs.Count));
        double largest = grid.Runs().Max(run => ExperimentCost.Of(grid, run.Cell));
        Assert.True(costs.Max() - costs.Min() <= largest, string.Join(", ", costs));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    [InlineData(-1, 2)]
    public void AShardOutsideOneToNIsRefused(int index, int count)
    {
        var error = Assert.Throws<EoiArgumentException>(() => new ExperimentShard(index, count));
        Assert.Contains($"1 <= K <= N; got {index}/{count}", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two seeds of uniform + EOI, one epoch on the embedded sample.</summary>
    static ExperimentGrid TinyGrid(int epochs = 1) =>
        new ExperimentOverrides { Seeds = [1, 2], Masks = [MaskMethodKind.Uniform], Schemes = [InitScheme.Eoi], Epochs = epochs }
            .ApplyTo(ExperimentCatalog.Get(ExperimentCatalog.Mlp7Mnist, quick: true));

    [Fact]
    public void AMergeCountsEachRunOnceAndNamesTheMissingOnes()
    {
        using var first = new TempDirectory();
        var grid = TinyGrid();
        var shard = new ExperimentShard(1, 2);
        var ran = ExperimentRunner.Run(grid, Cpu, first.Path, cancellation: TestContext.Current.CancellationToken, shard: shard);

        var (result, duplicates) = ExperimentMerge.Gather(grid, [first.Path, first.Path]);

        Assert.Equal(1, duplicates);
        Assert.Equal(ran.Runs, result.Runs);
        Assert.Equal(new ExperimentShard(2, 2).RunsOf(grid).Select(run => run.Name), result.Missing);
        Assert.Contains($"- missing (not finished): 1 of 2 runs: {result.Missing![0]}", result.MarkdownTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void AMergeRefusesRunsOfOtherCodeOrSettingsOrGridsNamingThem()
    {
        using var directory = new TempDirectory();
        ExperimentRunner.Run(TinyGrid(), Cpu, directory.Path, cancellation: TestContext.Current.CancellationToken);
        string seed2 = Path.Combine(directory.Path, "runs", "tanh-d-0.1-uniform-eoi-seed2");

        var otherSettings = Assert.Throws<EoiArgumentException>(() => ExperimentMerge.Gather(TinyGrid(epochs: 2), [directory.Path]));
        Assert.Contains($"{seed2} (written for another configuration", otherSettings.Message, StringComparison.Ordinal);

        var otherGrid = Assert.Throws<EoiArgumentException>(() => ExperimentMerge.Gather(TinyGrid() with { Seeds = [1] }, [directory.Path]));
        Assert.Contains($"1 run(s) cannot be merged into mlp7-mnist as given: {seed2} (not a run of this grid)", otherGrid.Message, StringComparison.Ordinal);

        string path = Path.Combine(seed2, RunRecord.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["record"]!["codeVersion"] = "0.9.0+older";
        File.WriteAllText(path, json.ToJsonString());
        var otherCode = Assert.Throws<EoiArgumentException>(() => ExperimentMerge.Gather(TinyGrid(), [directory.Path]));
        Assert.Contains($"{seed2} (written by code version 0.9.0+older, not this one ({RunRecord.CurrentCodeVersion}))", otherCode.Message, StringComparison.Ordinal);
        var resumed = Assert.Throws<EoiArgumentException>(() =>
            ExperimentRunner.Run(TinyGrid(), Cpu, directory.Path, cancellation: TestContext.Current.CancellationToken, resume: true));
        Assert.Contains("written by code version 0.9.0+older", resumed.Message, StringComparison.Ordinal);
    }
}
