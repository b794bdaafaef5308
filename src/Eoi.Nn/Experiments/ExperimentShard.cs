using Eoi.Core;

namespace Eoi.Nn.Experiments;

/// <summary>
/// The <see cref="Index"/>-th (from 1) of <see cref="Count"/> parts of a grid. The parts are balanced by
/// <see cref="ExperimentCost"/>, not by number of runs, and depend on the grid alone, so N processes that are
/// each given the same grid and their own K run every run exactly once between them.
/// </summary>
public sealed record ExperimentShard
{
    public ExperimentShard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count)
            throw new EoiArgumentException("shard", $"shard must be K/N with integers 1 <= K <= N; got {index}/{count}");
        Index = index;
        Count = count;
    }

    public int Index { get; }
    public int Count { get; }

    public override string ToString() => $"{Index}/{Count}";

    /// <summary>This shard's runs of <paramref name="grid"/>, in the grid's order.</summary>
    public IReadOnlyList<GridRun> RunsOf(ExperimentGrid grid)
    {
        Guard.NotNull(grid, nameof(grid));
        int[] owner = Owners(grid, Count);
        return [.. grid.Runs().Where(run => owner[run.Number - 1] == Index)];
    }

    /// <summary>The shard (1..<paramref name="count"/>) of each run, indexed by run number - 1: longest expected
    /// cost first, each to the least loaded shard so far (the lower index on a tie). This greedy rule keeps the
    /// largest shard within one run's cost of the mean (Graham's LPT bound), deterministically.</summary>
    static int[] Owners(ExperimentGrid grid, int count)
    {
        var runs = grid.Runs();
        int[] owner = new int[runs.Count];
        double[] load = new double[count];
        foreach (var (run, cost) in runs.Select(run => (run, cost: ExperimentCost.Of(grid, run.Cell)))
                                         .OrderByDescending(r => r.cost).ThenBy(r => r.run.Number))
        {
            int least = 0;
            for (int shard = 1; shard < count; shard++)
                if (load[shard] < load[least]) least = shard;
            load[least] += cost;
            owner[run.Number - 1] = least + 1;
        }
        return owner;
    }
}
