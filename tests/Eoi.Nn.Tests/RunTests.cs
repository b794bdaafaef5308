using System.Text.Json.Nodes;
using Eoi.Core;
using Eoi.IO;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;
using static Eoi.Nn.Tests.TestData;

namespace Eoi.Nn.Tests;

/// <summary>Runs survive interruptions: a resumed run writes what an uninterrupted one writes, checkpoints hold
/// sparse layers sparse (and old dense ones still load), and a kill's temporary files are cleared.</summary>
public class RunTests
{
    static RunConfiguration Tiny(string output, int epochs = 3) => new()
    {
        Depth = 3,
        Width = 16,
        Training = new TrainingOptions { Epochs = epochs, LearningRate = 0.05, Seed = 4, RecordJacobian = true },
        OutputDirectory = output,
    };

    static RunOutcome Execute(RunConfiguration configuration, CancellationToken cancellation, string? resumeFrom = null,
                              IProgress<TrainingProgress>? progress = null) =>
        TrainingRun.Execute(configuration, Cpu, progress, SmallMnist(), resumeFrom, cancellation);

    /// <summary>Runs the configuration until the end of <paramref name="epochs"/> epochs, then cancels it, as a
    /// kill after that epoch's checkpoint would leave it.</summary>
    static void Interrupt(RunConfiguration configuration, int epochs)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stop = new SynchronousProgress<TrainingProgress>(p => { if (p.Completed?.Epoch == epochs) cancellation.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => Execute(configuration, cancellation.Token, progress: stop));
    }

    [Fact]
    public void A_resumed_run_writes_the_metrics_and_spectra_of_an_uninterrupted_one()
    {
        using var dir = new TempDirectory();
        var whole = Execute(Tiny(dir.File("whole")), TestContext.Current.CancellationToken);
        var configuration = Tiny(dir.File("resumed"));
        Interrupt(configuration, epochs: 1);
        var resumed = Execute(configuration, TestContext.Current.CancellationToken, Path.Combine(dir.File("resumed"), RunFiles.Checkpoint));

        Assert.Equal(1, resumed.Training.ResumedAfterEpoch);
        Assert.Equal(File.ReadAllText(dir.File("whole/spectra.csv")), File.ReadAllText(dir.File("resumed/spectra.csv")));
        Assert.Equal(2 * 3, File.ReadAllLines(dir.File("resumed/spectra.csv")).Length - 1);
        Assert.Equal(WithoutClockColumns(dir.File("whole/metrics.csv")), WithoutClockColumns(dir.File("resumed/metrics.csv")));
        var (a, b) = (Summary(dir.File("whole")), Summary(dir.File("resumed")));
        foreach (string field in new[] { "initialSpectra", "finalSpectra", "initialJacobian", "densities", "globalDensity" })
            Assert.True(JsonNode.DeepEquals(a[field], b[field]), $"run.json {field} differs");
        Assert.Equal(3, b["initialSpectra"]!.AsArray().Count);
        Assert.Equal(whole.InitialSpectra.Select(s => s.Values), resumed.InitialSpectra.Select(s => s.Values));
    }

    [Fact]
    public void Checkpoints_hold_sparse_layers_as_pattern_and_values_only()
    {
        using var dir = new TempDirectory();
        var outcome = Execute(Tiny(dir.File("run"), epochs: 1), TestContext.Current.CancellationToken);
        var checkpoint = Checkpoint.Read(dir.File("run/" + RunFiles.Checkpoint));

        Assert.DoesNotContain(checkpoint.ModelState.Keys, k => k.EndsWith(".weight", StringComparison.Ordinal) || k.EndsWith(".mask", StringComparison.Ordinal));
        foreach (var layer in outcome.Densities)
        {
            Assert.Equal(layer.Trainable, checkpoint.ModelState[$"{layer.Layer}.weight_values"].Count);
            Assert.Equal(layer.Trainable, checkpoint.ModelState[$"{layer.Layer}.weight_columns"].Count);
            Assert.Equal(layer.Trainable, checkpoint.Momentum[$"{layer.Layer}.weight"].Count);
        }
        // Every stored element: values, columns and momentum per non-zero; a row count, a bias and its momentum per
        // output; a singular value per min(rows, cols) -- nothing proportional to the dense rows x cols.
        long nonZeros = outcome.Densities.Sum(d => d.Trainable);
        long outputs = outcome.InitialSpectra.Sum(s => (long)s.Rows), singular = outcome.InitialSpectra.Sum(s => (long)Math.Min(s.Rows, s.Cols));
        long stored = checkpoint.ModelState.Values.Concat(checkpoint.Momentum.Values).Concat(checkpoint.Attachments.Values).Sum(t => t.Count);
        Assert.Equal(3 * nonZeros + 3 * outputs + singular, stored);
    }

    [Fact]
    public void A_dense_layout_checkpoint_still_resumes_to_the_same_bits()
    {
        using var dir = new TempDirectory();
        var whole = Execute(Tiny(dir.File("whole")), TestContext.Current.CancellationToken);
        var configuration = Tiny(dir.File("old"));
        Interrupt(configuration, epochs: 1);
        string path = dir.File("old/" + RunFiles.Checkpoint);
        RewriteAsDenseLayout(path, whole.InitialSpectra.ToDictionary(s => "model/" + s.Layer, s => s.Cols));

        var resumed = Execute(configuration, TestContext.Current.CancellationToken, path);

        Assert.Equal(1, resumed.Training.ResumedAfterEpoch);
        Assert.Equal(WithoutClockColumns(dir.File("whole/metrics.csv")), WithoutClockColumns(dir.File("old/metrics.csv")));
        Assert.Equal(File.ReadAllLines(dir.File("whole/spectra.csv")).Where(l => l.StartsWith("final", StringComparison.Ordinal)),
            File.ReadAllLines(dir.File("old/spectra.csv")).Where(l => l.StartsWith("final", StringComparison.Ordinal)));
    }

    [Fact]
    public void Temporary_files_of_a_killed_write_are_removed_when_a_run_starts()
    {
        using var dir = new TempDirectory();
        string output = dir.Folder("run");
        string[] abandoned = [$".{RunFiles.Checkpoint}.{Guid.NewGuid():N}.tmp", $".{RunFiles.Summary}.{Guid.NewGuid():N}.tmp"];
        foreach (string name in abandoned) File.WriteAllText(Path.Combine(output, name), "torn");
        File.WriteAllText(Path.Combine(output, "notes.tmp"), "someone else's");

        Execute(Tiny(output, epochs: 1), TestContext.Current.CancellationToken);

        Assert.All(abandoned, name => Assert.False(File.Exists(Path.Combine(output, name)), $"{name} was left behind"));
        Assert.True(File.Exists(Path.Combine(output, "notes.tmp")));
    }

    static string[] WithoutClockColumns(string metricsCsv)
    {
        var lines = File.ReadAllLines(metricsCsv);
        var header = lines[0].Split(',');
        int seconds = Array.IndexOf(header, "seconds"), rate = Array.IndexOf(header, "samples_per_s");
        Assert.True(seconds >= 0 && rate >= 0);
        return [.. lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != seconds && i != rate)))];
    }

    static JsonNode Summary(string directory) => JsonNode.Parse(File.ReadAllText(Path.Combine(directory, RunFiles.Summary)))!;

    /// <summary>Turns a checkpoint into the eoi-checkpoint-1 layout: every sparse layer as a dense weight and a
    /// 0/1 mask, no attachments.</summary>
    static void RewriteAsDenseLayout(string path, Dictionary<string, int> columnsByLayer)
    {
        var content = SafetensorsFile.Read(path);
        var tensors = new Dictionary<string, NdArray>(StringComparer.Ordinal);
        foreach (var (name, array) in content.Tensors)
        {
            if (name.StartsWith("attached/", StringComparison.Ordinal) || name.EndsWith("_columns", StringComparison.Ordinal) || name.EndsWith("_row_counts", StringComparison.Ordinal))
                continue;
            if (!name.EndsWith(".weight_values", StringComparison.Ordinal))
            {
                tensors[name] = array;
                continue;
            }
            string layer = name[..^".weight_values".Length];
            var counts = content.Tensors[layer + ".weight_row_counts"].Data;
            var columns = content.Tensors[layer + ".weight_columns"].Data;
            int rows = counts.Length, cols = columnsByLayer[layer];
            var (weight, mask) = (new double[rows * cols], new double[rows * cols]);
            for (int r = 0, k = 0; r < rows; r++)
                for (int end = k + (int)counts[r]; k < end; k++)
                {
                    weight[r * cols + (int)columns[k]] = array.Data[k];
                    mask[r * cols + (int)columns[k]] = 1;
                }
            tensors[layer + ".weight"] = new NdArray([rows, cols], array.ElementType, weight);
            tensors[layer + ".mask"] = new NdArray([rows, cols], ElementType.Bool, mask);
        }
        var metadata = new Dictionary<string, string>(content.Metadata) { ["format"] = "eoi-checkpoint-1" };
        SafetensorsFile.Write(path, tensors, metadata);
    }
}
