using Eoi.Core;

namespace Eoi.Nn.Experiments;

/// <summary>
/// Gathers the finished runs that shards of one grid wrote (each into runs/NAME/ under its output directory, or
/// all into one shared directory) into the grid's result, as if one process had run them. Each run counts
/// once however many directories hold it (a shard re-run elsewhere), and only if its result.json was written
/// by this code for the settings this grid gives that run.
/// </summary>
public static class ExperimentMerge
{
    /// <summary>How many refused runs an error names before it only counts the rest.</summary>
    const int NamedInError = 5;

    /// <returns>The result over the finished runs, in the grid's order, with the runs no directory finished in
    /// <see cref="ExperimentResult.Missing"/>, and how many finished runs were found more than once.</returns>
    public static (ExperimentResult Result, int Duplicates) Gather(ExperimentGrid grid, IReadOnlyList<string> directories)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotNull(directories, nameof(directories));
        if (directories.Count == 0)
            throw new EoiArgumentException("merge", "merge needs at least one directory that shards wrote to");
        var expected = grid.Runs().ToDictionary(run => run.Name, StringComparer.Ordinal);
        var found = new Dictionary<string, (RunRecord Record, string Path)>(StringComparer.Ordinal);
        var refused = new List<string>();
        int duplicates = 0;
        foreach (string directory in directories)
        {
            if (!Directory.Exists(directory))
                throw new EoiArgumentException("merge", $"merge directories must exist; got {directory}");
            string runs = Path.Combine(directory, ExperimentRunner.RunsFolder);
            if (!Directory.Exists(runs)) continue;
            foreach (string folder in Directory.EnumerateDirectories(runs).Order(StringComparer.Ordinal))
            {
                if (RunRecord.Read(folder) is not { } record) continue;
                string name = Path.GetFileName(folder);
                if (!expected.TryGetValue(name, out var run))
                    refused.Add($"{folder} (not a run of this grid)");
                else if (record.MismatchWith(grid.ConfigurationFor(run.Cell, run.Seed)) is { } problem)
                    refused.Add($"{folder} ({problem})");
                else if (!found.TryGetValue(name, out var first))
                    found.Add(name, (record, folder));
                else if (first.Record.SameResultsAs(record))
                    duplicates++;
                else
                    refused.Add($"{folder} (its results differ from {first.Path})");
            }
        }
        if (refused.Count > 0)
            throw new EoiArgumentException("merge", $"{refused.Count} run(s) cannot be merged into {grid.Name} as given: "
                + string.Join("; ", refused.Take(NamedInError)) + (refused.Count > NamedInError ? $"; and {refused.Count - NamedInError} more" : ""));
        if (found.Count == 0)
            throw new EoiArgumentException("merge", $"no finished runs of {grid.Name} in {string.Join(", ", directories)}");
        var data = found.Values.Select(f => f.Record.Data).Distinct().ToArray();
        if (data.Length > 1)
            throw new EoiArgumentException("merge", $"the runs were trained on different data: {string.Join(" vs ", data)}");
        var all = grid.Runs();
        return (new ExperimentResult(grid,
            [.. all.Where(run => found.ContainsKey(run.Name)).Select(run => found[run.Name].Record.ToRun(run))],
            data[0],
            [.. all.Where(run => !found.ContainsKey(run.Name)).Select(run => run.Name)]), duplicates);
    }
}
