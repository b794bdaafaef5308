using System.Text.RegularExpressions;
using Eoi.Checker;
using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;

namespace Eoi.Oracle;

/// <summary>What to judge a whole model file with; null means "not given".</summary>
public sealed record ModelCheckRequest(string File, string? TensorGlob = null, double? Density = null, double? Gain = null,
                                       PrecisionModel? ComputedIn = null, CentreDensityRule? CentreRule = null);

/// <summary>One tensor of a model: its verdict, or why it was not judged.</summary>
public sealed record TensorVerdict(string Name, string DTypeName, int[] Shape, CheckReport? Report, string? SkipReason)
{
    /// <summary>True when the tensor was judged and failed; a skipped tensor neither passes nor fails.</summary>
    public bool Failed => Report is { Passed: false };
    /// <summary>The shape as the verdict table prints it ("64 x 32 x 3 x 3", "scalar" for rank 0).</summary>
    public string ShapeText => Shape.Length == 0 ? "scalar" : string.Join(" x ", Shape);
}

/// <summary>The verdicts of every selected tensor of a model file, in file order.</summary>
public sealed record ModelOutcome(string File, IReadOnlyList<TensorVerdict> Tensors)
{
    /// <summary>True when no judged tensor failed; skipped tensors do not count either way.</summary>
    public bool Passed => Tensors.All(t => !t.Failed);
    /// <summary>The judged tensors that failed, in file order: the layers an error message names.</summary>
    public IEnumerable<TensorVerdict> Failures => Tensors.Where(t => t.Failed);
}

/// <summary>
/// Judges every weight of a model file as PyTorch saves it (<c>safetensors.torch.save_file(model.state_dict())</c>
/// or <c>numpy.savez</c>): 2-D tensors as linear layers [out, in], 4-D tensors as conv kernels [out, in, kh, kw]
/// by the delta condition; 1-D tensors (biases, BatchNorm statistics), scalars and dtypes that are not
/// decoded are listed as skipped. Each layer's density is measured from its non-zeros unless one is given.
/// </summary>
public static class ModelChecker
{
    /// <summary>The extensions a whole model can have: .safetensors (a PyTorch state dict) and .npz (numpy.savez).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".safetensors", ".npz"];

    /// <summary>True for a file that holds a model rather than one layer: any .npz, and a .safetensors with
    /// more tensors than a layer file's "weight" (or one other tensor) and "mask".</summary>
    public static bool IsModelFile(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".npz")
            return true;
        if (extension != ".safetensors" || !File.Exists(path))
            return false;
        var names = SafetensorsFile.ReadModel(path).Select(t => t.Name).Where(n => n != LayerFiles.MaskTensor).ToList();
        return names.Count > 1;
    }

    /// <summary>Reads the model (.npz by extension, safetensors otherwise) and judges every tensor whose name
    /// matches the request's pattern, all of them when it has none. Throws <see cref="EoiArgumentException"/>
    /// naming --tensor, with the tensors the file has, when the pattern matches none.</summary>
    public static ModelOutcome Check(ModelCheckRequest request)
    {
        Guard.NotNull(request, nameof(request));
        var tensors = Path.GetExtension(request.File).Equals(".npz", StringComparison.OrdinalIgnoreCase)
            ? NpzFile.Read(request.File)
            : SafetensorsFile.ReadModel(request.File);
        var selected = request.TensorGlob is null ? tensors : tensors.Where(t => Glob(request.TensorGlob).IsMatch(t.Name)).ToList();
        if (selected.Count == 0)
            throw new EoiArgumentException("--tensor",
                $"--tensor '{request.TensorGlob}' matches none of the tensors of '{request.File}': {string.Join(", ", tensors.Select(t => t.Name))}");
        return new ModelOutcome(request.File, selected.Select(t => Judge(t, request)).ToList());
    }

    static TensorVerdict Judge(StoredTensor tensor, ModelCheckRequest request)
    {
        TensorVerdict Skip(string reason) => new(tensor.Name, tensor.DTypeName, tensor.Shape, null, reason);
        if (tensor.Values is not NdArray values)
            return Skip($"dtype {tensor.DTypeName} is not a float32/float64 weight");
        if (values.ElementType == ElementType.Bool)
            return Skip("a bool tensor (a mask), not a weight");
        switch (values.Rank)
        {
            case 0:
                return Skip("a scalar");
            case 1:
                return Skip("1-D (a bias or normalisation statistics)");
            case 2:
                break;
            case 4 when values.Shape[2] % 2 == 1 && values.Shape[3] % 2 == 1:
                break;
            case 4:
                return Skip($"a {values.Shape[2]} x {values.Shape[3]} kernel has no centre tap");
            default:
                return Skip($"rank {values.Rank} is neither a linear [out, in] nor a conv [out, in, kh, kw] weight");
        }
        if (values.Count == 0)
            return Skip("empty");
        var options = new CheckOptions
        {
            TargetDensity = request.Density,
            Gain = request.Gain ?? 1.0,
            ComputedIn = request.ComputedIn,
            CentreRule = request.CentreRule ?? CentreDensityRule.Plain,
        };
        return new TensorVerdict(tensor.Name, tensor.DTypeName, tensor.Shape, MatrixChecker.Check(values, options), null);
    }

    /// <summary>A shell-style pattern: '*' any run of characters, '?' one character, the rest literal.</summary>
    static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant);
}
