using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Eoi.Core;
using Eoi.Nn.Analysis;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;

namespace Eoi.Nn.Experiments;

/// <summary>
/// A finished run of a grid as its run folder's result.json holds it: the measures that go into the summary, the
/// data they came from, and a stamp (code version and settings hash) that says whether a later process (a
/// resumed grid, a merge of shards) may count it as its own. Written last, atomically, so a run folder without it
/// is an unfinished run.
/// </summary>
public sealed record RunRecord(
    string Experiment,
    string Run,
    string CodeVersion,
    string SettingsHash,
    ExperimentData Data,
    double Value,
    double RealisedDensity,
    double Seconds,
    double? TestLoss,
    double? ValidationAccuracy,
    SpectrumStats? Jacobian,
    IReadOnlyList<double>? TestAccuracyByEpoch = null)
{
    public const string FileName = "result.json";

    /// <summary>The informational version of the code that runs (version + commit, "1.0.0+8a0e041..."): runs of
    /// another build are not mixed into one summary. Uncommitted changes do not show in it.</summary>
    public static string CurrentCodeVersion { get; } =
        typeof(RunRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The first 16 hex digits (64 bits) of the SHA-256 of the run's configuration as JSON, without the
    /// folder it writes to: equal for equal settings wherever the run's files went.</summary>
    public static string SettingsHashOf(RunConfiguration configuration)
    {
        Guard.NotNull(configuration, nameof(configuration));
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(configuration with { OutputDirectory = null }, JsonFormat.Default.RunConfiguration);
        return Convert.ToHexStringLower(SHA256.HashData(json))[..16];
    }

    public static RunRecord Of(ExperimentGrid grid, GridRun run, RunConfiguration configuration, ExperimentRun result, ExperimentData data)
    {
        Guard.NotNull(grid, nameof(grid));
        Guard.NotNull(run, nameof(run));
        Guard.NotNull(result, nameof(result));
        return new RunRecord(grid.Name, run.Name, CurrentCodeVersion, SettingsHashOf(configuration), data, result.Value,
            result.RealisedDensity, result.Seconds, result.TestLoss, result.ValidationAccuracy, result.Jacobian, result.TestAccuracyByEpoch);
    }

    /// <summary>Writes result.json into <paramref name="runDirectory"/>, with the configuration alongside for people to read.</summary>
    public void Write(string runDirectory, RunConfiguration configuration)
    {
        Directory.CreateDirectory(runDirectory);
        MetricsFiles.WriteJson(Path.Combine(runDirectory, FileName), new RunRecordFile(this, configuration with { OutputDirectory = null }), JsonFormat.Default.RunRecordFile);
    }

    /// <summary>The record in <paramref name="runDirectory"/>, or null when the run has none (it has not finished).</summary>
    public static RunRecord? Read(string runDirectory)
    {
        string path = Path.Combine(runDirectory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("record").Deserialize(JsonFormat.Default.RunRecord)
                ?? throw new EoiFormatException(path, "no run record");
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new EoiFormatException(path, $"not a run record ({ex.Message})");
        }
    }

    /// <summary>Why this record cannot stand for <paramref name="configuration"/> run by this code, or null when it can.</summary>
    public string? MismatchWith(RunConfiguration configuration)
    {
        if (CodeVersion != CurrentCodeVersion)
            return $"written by code version {CodeVersion}, not this one ({CurrentCodeVersion})";
        string expected = SettingsHashOf(configuration);
        return SettingsHash == expected ? null : $"written for another configuration (settings {SettingsHash}, this grid's {expected})";
    }

    /// <summary>Whether <paramref name="other"/> holds the same results (everything but the wall time; the epoch
    /// curve compared by value, which a record's generated equality would compare by reference).</summary>
    public bool SameResultsAs(RunRecord other)
    {
        Guard.NotNull(other, nameof(other));
        bool sameCurve = TestAccuracyByEpoch is null || other.TestAccuracyByEpoch is null
            ? TestAccuracyByEpoch is null && other.TestAccuracyByEpoch is null
            : TestAccuracyByEpoch.SequenceEqual(other.TestAccuracyByEpoch);
        return sameCurve && this with { Seconds = 0, TestAccuracyByEpoch = null } == other with { Seconds = 0, TestAccuracyByEpoch = null };
    }

    public ExperimentRun ToRun(GridRun run)
    {
        Guard.NotNull(run, nameof(run));
        return new ExperimentRun(run.Cell, run.Seed, Value, RealisedDensity, Seconds, TestLoss, ValidationAccuracy, Jacobian, TestAccuracyByEpoch);
    }
}

/// <summary>What result.json holds: the record, and the configuration it was run with (without its output folder)
/// for people to read.</summary>
internal sealed record RunRecordFile(RunRecord Record, RunConfiguration Configuration);
