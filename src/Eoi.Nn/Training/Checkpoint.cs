using System.Globalization;
using System.Text.Json;
using Eoi.Core;
using Eoi.IO;

namespace Eoi.Nn.Training;

/// <summary>
/// Everything needed to continue a run bit for bit after <see cref="CompletedEpochs"/> epochs: the model's
/// state (weights, masks, biases, batch-norm parameters and running statistics), the optimiser's momentum
/// buffers by parameter name, the options and the metrics so far. The RNG position needs no bits of its own:
/// the batch order of epoch e is a pure function of (seed, e), so the seed and the next epoch are the position.
/// Stored as one safetensors file ("model/...", "momentum/..." and "attached/..." tensors, the rest as JSON
/// metadata), written atomically so a crash mid-write leaves the previous checkpoint intact. Since
/// eoi-checkpoint-2 sparse layers hold only their pattern and values (see SparseLinear), so the file's size
/// follows the non-zeros; eoi-checkpoint-1 files (dense weight and mask per layer) still load.
/// </summary>
/// <param name="Attachments">Whatever the run needs back on resume besides training state (e.g. the spectra
/// measured at initialisation, which a resumed run can no longer measure); empty when none.</param>
public sealed record Checkpoint(
    int CompletedEpochs,
    TrainingOptions Options,
    IReadOnlyList<EpochMetrics> History,
    IReadOnlyDictionary<string, NdArray> ModelState,
    IReadOnlyDictionary<string, NdArray> Momentum,
    IReadOnlyDictionary<string, NdArray> Attachments)
{
    public const string Format = "eoi-checkpoint-2";
    /// <summary>The dense-layer format this build still reads.</summary>
    const string DenseFormat = "eoi-checkpoint-1";
    const string ModelPrefix = "model/", MomentumPrefix = "momentum/", AttachmentPrefix = "attached/";

    public void Write(string path)
    {
        var tensors = new Dictionary<string, NdArray>(StringComparer.Ordinal);
        foreach (var (name, array) in ModelState) tensors[ModelPrefix + name] = array;
        foreach (var (name, array) in Momentum) tensors[MomentumPrefix + name] = array;
        foreach (var (name, array) in Attachments) tensors[AttachmentPrefix + name] = array;
        var metadata = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["completed_epochs"] = CompletedEpochs.ToString(CultureInfo.InvariantCulture),
            ["rng"] = $"seed {Options.Seed}; batch order of epoch e (from 0) is Eoi.Data.MiniBatches.ForEpoch(train, {Options.BatchSize}, {Options.Seed}, e); next e = {CompletedEpochs}",
            ["options"] = JsonSerializer.Serialize(Options, JsonFormat.Default.TrainingOptions),
            ["history"] = JsonSerializer.Serialize([.. History], JsonFormat.Default.ListEpochMetrics),
        };
        SafetensorsFile.Write(path, tensors, metadata);
    }

    public static Checkpoint Read(string path)
    {
        var content = SafetensorsFile.Read(path);
        string Meta(string key) => content.Metadata.TryGetValue(key, out var value)
            ? value
            : throw new EoiFormatException(path, $"not an {Format} file: metadata has no '{key}'");
        if (Meta("format") is not (Format or DenseFormat))
            throw new EoiFormatException(path, $"checkpoint format is '{Meta("format")}'; this build reads '{Format}' and '{DenseFormat}'");
        try
        {
            return new Checkpoint(
                int.Parse(Meta("completed_epochs"), CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize(Meta("options"), JsonFormat.Default.TrainingOptions)!,
                JsonSerializer.Deserialize(Meta("history"), JsonFormat.Default.ListEpochMetrics)!,
                Strip(content.Tensors, ModelPrefix),
                Strip(content.Tensors, MomentumPrefix),
                Strip(content.Tensors, AttachmentPrefix));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException)
        {
            throw new EoiFormatException(path, $"checkpoint metadata is malformed ({ex.Message})");
        }
    }

    static Dictionary<string, NdArray> Strip(IReadOnlyDictionary<string, NdArray> tensors, string prefix) =>
        tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key[prefix.Length..], t => t.Value, StringComparer.Ordinal);
}
