using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Eoi.Backends;
using Eoi.Nn.Analysis;
using Eoi.Nn.Experiments;
using Eoi.Nn.Models;
using Eoi.Nn.Runs;
using Eoi.Nn.Training;
using Eoi.Sparsity;

namespace Eoi.Nn.Tests;

/// <summary>The source-generated <see cref="JsonFormat"/> writes the bytes that the reflection-based serialiser
/// wrote before it (same options, the same anonymous shapes of run.json and result.json), so files of earlier
/// runs, the settings hashes in result.json and checkpoints' metadata stay what they were.</summary>
public class JsonFormatTests
{
    /// <summary>The options the files were written with before the format was source-generated.</summary>
    static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Every optional field set and every enum off its default, so a field the generator left out or
    /// named differently shows.</summary>
    static readonly RunConfiguration Configuration = new()
    {
        Model = ModelKind.CifarConv,
        Depth = 5,
        Width = 24,
        Activation = Activation.LeakyRelu(0.2),
        Dataset = "fashion-mnist",
        DataDirectory = "data/fashion",
        PadTo = 32,
        TrainExamples = 1000,
        TestExamples = 500,
        Init = new() { Density = 0.25, MaskMethod = MaskMethodKind.Snip, Scheme = InitScheme.ApproximateIsometry, SaoDegree = 4 },
        Training = new() { Epochs = 3, LearningRate = 0.05, Seed = ulong.MaxValue, RecordJacobian = true, CheckpointPath = "run/checkpoint.safetensors" },
        AnalyzeLayers = false,
        OutputDirectory = "run",
    };

    static readonly SpectrumStats Stats = new(3, 1.0 / 3, 1.5, 0.1, 0.2);

    static readonly List<EpochMetrics> History =
    [
        new(1, 0.05, 2.3, 0.1, double.NaN, double.NaN, 2.25, 0.125, 1.5, 6000, Stats),
        new(2, 0.005, 0.7, 0.8, double.PositiveInfinity, 0.75, 0.6, 0.8125, 1.25, 7000),
    ];

    static readonly LayerSpectrum[] Spectra = [new("0", 2, 3, [1.5, 0.1]), new("features.2", 1, 4, [1e-300])];

    [Fact]
    public void Checkpoint_metadata_is_written_as_before()
    {
        Assert.Equal(JsonSerializer.Serialize(Configuration.Training, Reflection), JsonSerializer.Serialize(Configuration.Training, JsonFormat.Default.TrainingOptions));
        Assert.Equal(JsonSerializer.Serialize<IReadOnlyList<EpochMetrics>>(History, Reflection), JsonSerializer.Serialize(History, JsonFormat.Default.ListEpochMetrics));
    }

    [Fact]
    public void The_settings_hash_is_the_hash_of_the_configuration_as_before() =>
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(Configuration, Reflection), JsonSerializer.SerializeToUtf8Bytes(Configuration, JsonFormat.Default.RunConfiguration));

    [Fact]
    public void Run_json_is_written_as_before()
    {
        var summary = new RunSummary(Configuration, 0.25, [new LayerDensity("0", "24 x 784", 18816, 4704, 0.25)], 0.5, Stats, Spectra, Spectra, History);
        var before = new
        {
            summary.Configuration,
            summary.GlobalDensity,
            summary.Densities,
            summary.InitSeconds,
            summary.InitialJacobian,
            summary.InitialSpectra,
            summary.FinalSpectra,
            summary.History,
        };
        Assert.Equal(JsonSerializer.Serialize(before, Reflection), JsonSerializer.Serialize(summary, JsonFormat.Default.RunSummary));
    }

    [Fact]
    public void Result_json_is_written_as_before_and_reads_back()
    {
        var record = new RunRecord("cnn-deep-fashion", "d0.25-snip-ai-seed1", "1.0.0+abc", "0123456789abcdef",
            new ExperimentData("fashion-mnist", 900, 100, 500), 0.8125, 0.2499, 4.5, null, 0.75, Stats, [0.5, 0.8125]);
        string after = JsonSerializer.Serialize(new RunRecordFile(record, Configuration), JsonFormat.Default.RunRecordFile);
        Assert.Equal(JsonSerializer.Serialize(new { record, configuration = Configuration }, Reflection), after);

        using var document = JsonDocument.Parse(after);
        var read = document.RootElement.GetProperty("record").Deserialize(JsonFormat.Default.RunRecord)!;
        Assert.Equal(record with { TestAccuracyByEpoch = null }, read with { TestAccuracyByEpoch = null });
        Assert.Equal(record.TestAccuracyByEpoch, read.TestAccuracyByEpoch);
    }
}
