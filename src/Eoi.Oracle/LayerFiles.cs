using Eoi.Core;
using Eoi.IO;

namespace Eoi.Oracle;

/// <summary>Where <c>generate</c> and <c>replay</c> write: the values, and optionally the mask and the plan.</summary>
public sealed record OutputFiles(string Values, string? Mask = null, string? Plan = null)
{
    /// <summary>The paths to be written, values first, leaving out the ones not asked for.</summary>
    public IEnumerable<string> All => new[] { Values, Mask, Plan }.OfType<string>();
}

/// <summary>A layer as read back from a file; .npy and .mtx files hold neither a mask nor metadata.</summary>
public sealed record StoredLayer(NdArray Values, NdArray? Mask, IReadOnlyDictionary<string, string> Metadata, string? TensorName = null);

/// <summary>
/// Layers to and from files, the format chosen by extension (Eoi.IO does the formats). A .safetensors
/// layer holds the tensors "weight" and "mask" and the metadata; .npy and .mtx hold the values only, the
/// mask going to a file of its own.
/// </summary>
public static class LayerFiles
{
    /// <summary>The values tensor of a layer's .safetensors file: "weight", as PyTorch names a layer's weight, and
    /// the tensor Eoi.IO's MatrixFile reads from a single-matrix file.</summary>
    public const string WeightTensor = MatrixFile.TensorName;
    /// <summary>The trainable mask written beside the weight: 1 where training may change an entry, 0 where it
    /// stays zero; same shape as the weight.</summary>
    public const string MaskTensor = "mask";
    /// <summary>A rotation plan file's extension: JSON lines, a header and then one rotation per line
    /// (<see cref="RotationPlanFile"/>).</summary>
    public const string PlanExtension = ".jsonl";

    /// <summary>Rejects a path whose extension names no array format before any work is done; a rank other
    /// than 2 also rules out .mtx.</summary>
    public static void RequireArrayFormat(string path, string option, int rank = 2)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!MatrixFile.SupportedExtensions.Contains(extension))
            throw new EoiArgumentException(option,
                $"{option} must end in {string.Join(", ", MatrixFile.SupportedExtensions.SkipLast(1))} or {MatrixFile.SupportedExtensions[^1]}; got '{path}'");
        if (extension == ".mtx" && rank != 2)
            throw new EoiArgumentException(option,
                $"{option} cannot be .mtx for a rank-{rank} array (Matrix Market holds matrices); use .npy or .safetensors; got '{path}'");
    }

    /// <summary>Rejects a plan path that does not end in <see cref="PlanExtension"/>, naming <paramref name="option"/>,
    /// before any work is done.</summary>
    public static void RequirePlanFormat(string path, string option)
    {
        if (!string.Equals(Path.GetExtension(path), PlanExtension, StringComparison.OrdinalIgnoreCase))
            throw new EoiArgumentException(option, $"{option} must end in {PlanExtension} (a JSON-lines rotation plan); got '{path}'");
    }

    /// <summary>Checks every output path of a rank-<paramref name="rank"/> layer; the option names are those of
    /// <c>generate</c> and <c>replay</c>.</summary>
    public static void RequireValid(OutputFiles files, int rank)
    {
        RequireArrayFormat(files.Values, "--output", rank);
        if (files.Mask is not null)
            RequireArrayFormat(files.Mask, "--mask-out", rank);
        if (files.Plan is not null)
            RequirePlanFormat(files.Plan, "--plan-out");
        var paths = files.All.Select(Path.GetFullPath).ToList();
        if (paths.Distinct().Count() != paths.Count)
            throw new EoiArgumentException("--output", $"--output, --mask-out and --plan-out must be different files; got {string.Join(", ", files.All)}");
    }

    /// <summary>Writes every output or none: when one cannot be written, the others are not left behind.</summary>
    public static void Write(Layer layer, OutputFiles files)
    {
        using var batch = AtomicFile.Batch();
        WriteValues(layer, files.Values);
        if (files.Mask is not null)
            WriteMask(layer.Mask, files.Mask);
        if (files.Plan is not null)
            RotationPlanFile.Write(files.Plan, layer.Plan);
        batch.Commit();
    }

    static void WriteValues(Layer layer, string path)
    {
        if (IsSafetensors(path))
            SafetensorsFile.Write(path, new Dictionary<string, NdArray> { [WeightTensor] = layer.Values, [MaskTensor] = layer.Mask }, layer.Metadata);
        else
            MatrixFile.Write(path, layer.Values);
    }

    static void WriteMask(NdArray mask, string path)
    {
        if (IsSafetensors(path))
            SafetensorsFile.Write(path, new Dictionary<string, NdArray> { [MaskTensor] = mask });
        else
            MatrixFile.Write(path, mask);
    }

    /// <summary>Reads a layer file. A .safetensors gives its "weight" tensor (or its only tensor besides "mask"), its
    /// mask, checked to hold only 0 and 1, and its metadata; .npy and .mtx give the values alone. Throws
    /// <see cref="EoiFormatException"/> when a .safetensors file does not say which tensor is the weight.</summary>
    public static StoredLayer Read(string path)
    {
        if (!IsSafetensors(path))
            return new StoredLayer(MatrixFile.Read(path), null, new Dictionary<string, string>());
        var content = SafetensorsFile.Read(path);
        string name = content.Tensors.ContainsKey(WeightTensor)
            ? WeightTensor
            : content.Tensors.Keys.Where(k => k != MaskTensor).ToList() is [var only]
                ? only
                : throw new EoiFormatException(path,
                    $"holds no tensor '{WeightTensor}' and not exactly one other tensor besides '{MaskTensor}'; tensors: {string.Join(", ", content.Tensors.Keys)}");
        var mask = content.Tensors.GetValueOrDefault(MaskTensor);
        if (mask is not null)
            FileChecker.RequireZeroOne(mask, $"{path}: tensor '{MaskTensor}'");
        return new StoredLayer(content.Tensors[name], mask, content.Metadata, name);
    }

    static bool IsSafetensors(string path) => string.Equals(Path.GetExtension(path), ".safetensors", StringComparison.OrdinalIgnoreCase);
}
