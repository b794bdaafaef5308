using System.Globalization;
using Eoi.Checker;
using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;

namespace Eoi.Oracle;

/// <summary>What <c>check</c> was asked; null means "not given", to be filled from the plan or the file.</summary>
public sealed record CheckRequest(string File, double? Density = null, string? Mask = null, double? Gain = null, long? Rotations = null,
                           string? Plan = null, string? Reference = null, CentreDensityRule? CentreRule = null,
                           PrecisionModel? ComputedIn = null);

/// <summary>The checker's report, plus notes on where parameters that were not given came from.</summary>
public sealed record CheckOutcome(string File, CheckReport Report, IReadOnlyList<string> Notes);

/// <summary>
/// Runs the checker on a file. Each parameter comes from its option when given, else from the plan
/// (--plan), else from the file's safetensors metadata, else the checker's default.
/// </summary>
public static class FileChecker
{
    /// <summary>
    /// Judges one layer file: reads it, requires its metadata to agree with the tensor, fills each parameter not
    /// given (noting where from), replays the plan as the bit-exact reference when one is given, and runs
    /// <see cref="MatrixChecker"/>. A file holding the transpose of the plan's matrix is a wrong answer, so it gets
    /// a failing "plan shape" item rather than an error. Throws <see cref="EoiArgumentException"/> for options that
    /// contradict each other or the file (--plan with --reference, a mask or reference of no array format, a plan
    /// of another shape) and <see cref="EoiFormatException"/> for a file or metadata that cannot be read.
    /// </summary>
    public static CheckOutcome Check(CheckRequest request)
    {
        if (request.Plan is not null && request.Reference is not null)
            throw new EoiArgumentException("--plan", "--plan and --reference both give the expected values; pass only one");
        if (request.Mask is not null)
            LayerFiles.RequireArrayFormat(request.Mask, "--mask");
        if (request.Reference is not null)
            LayerFiles.RequireArrayFormat(request.Reference, "--reference");

        var stored = LayerFiles.Read(request.File);
        var notes = new List<string>();
        if (stored.TensorName is string tensor && tensor != LayerFiles.WeightTensor)
            notes.Add($"values: the file's tensor '{tensor}' (it holds no '{LayerFiles.WeightTensor}')");
        var values = WithRecoveredPrecision(stored.Values, request.File, notes);
        var file = LayerMetadata.Read(stored.Metadata, request.File);
        LayerMetadata.RequireConsistent(stored.Metadata, values, request.File);
        var plan = request.Plan is null ? null : RotationPlanFile.Read(request.Plan);
        // A file holding the transpose of the plan's matrix is a wrong answer, not a wrong option: judged, and failed.
        var transposed = plan is not null && IsTransposeOf(plan, values.Shape) ? plan : null;
        if (transposed is not null)
            plan = null;
        // A kernel's plan is that of its centre matrix, whose density is not the layer's.
        double? planDensity = values.Rank == 2 ? plan?.TargetDensity : null;
        long? planRotations = plan?.Rotations.Count;

        var sources = new Sources(notes);
        double gain = sources.Pick("gain", request.Gain, ("metadata", file.Gain)) ?? 1.0;
        var computedIn = sources.Pick("precision model", request.ComputedIn, ("metadata", file.ComputedIn));
        if (computedIn is null && plan is not null && values.ElementType == ElementType.Float32 && IsPlanOf(plan, values.Shape))
        {
            // A float32 file and its plan: rounded once if it is the float64 replay rounded, else float32 throughout.
            bool roundedOnce = SameFloat32Values(values, Replayed(plan, gain, values.Shape, request.Plan!, Accumulation.Float64));
            computedIn = roundedOnce ? PrecisionModel.RoundedOnce : PrecisionModel.Float32;
            notes.Add($"precision model {Vocabulary.PrecisionModels.WordFor(computedIn.Value)} from the plan: the file " +
                      (roundedOnce ? "is" : "is not") + " its float64 replay rounded once to float32");
        }
        var accumulation = PrecisionModels.Resolve(values.ElementType, computedIn) == PrecisionModel.Float32 ? Accumulation.Float32 : Accumulation.Float64;
        var options = new CheckOptions
        {
            ComputedIn = computedIn,
            MaxColumnHits = plan is null ? null : Tolerances.MaxColumnHits(plan.Rotations, plan.LongSide),
            TargetDensity = sources.Pick("density", request.Density, ("plan", planDensity), ("metadata", file.Density)),
            Gain = gain,
            Rotations = sources.Pick("rotations", request.Rotations, ("plan", planRotations), ("metadata", file.Rotations)),
            CentreRule = sources.Pick("centre rule", request.CentreRule, ("metadata", file.CentreRule)) ?? CentreDensityRule.Plain,
            Mask = request.Mask is null ? stored.Mask : RequireZeroOne(MatrixFile.Read(request.Mask), $"--mask '{request.Mask}'"),
            Reference = plan is not null ? Replayed(plan, gain, values.Shape, request.Plan!, accumulation)
                : request.Reference is not null ? MatrixFile.Read(request.Reference)
                : null,
        };
        if (request.Mask is null && stored.Mask is not null)
            notes.Add($"mask: the file's '{LayerFiles.MaskTensor}' tensor");
        if (plan is not null)
            notes.Add($"reference: {request.Plan} replayed with gain {Format(gain)}, accumulated in {Vocabulary.Accumulations.WordFor(accumulation)}");
        var report = MatrixChecker.Check(values, options);
        if (transposed is not null)
            report = report with
            {
                Items = [.. report.Items, new CheckItem("plan shape", string.Join(" x ", values.Shape), $"{transposed.Rows} x {transposed.Cols}", Verdict.Fail,
                    $"the file holds the transpose of the matrix of {request.Plan}")],
            };
        return new CheckOutcome(request.File, report, notes);
    }

    static bool IsPlanOf(RotationPlan plan, Shape shape) => shape.Rank is 2 or 4 && shape[0] == plan.Rows && shape[1] == plan.Cols;

    static bool SameFloat32Values(NdArray values, NdArray replayed) =>
        values.Data.SequenceEqual(Generation.RoundedToFloat32(replayed).Data);

    static bool IsTransposeOf(RotationPlan plan, Shape shape) =>
        plan.Rows != plan.Cols && shape.Rank is 2 or 4 && shape[0] == plan.Cols && shape[1] == plan.Rows;

    /// <summary>A mask holds 0 and 1 only (any dtype; bool reads as 0/1).</summary>
    public static NdArray RequireZeroOne(NdArray mask, string what)
    {
        int bad = IndexOfNonZeroOne(mask.Data);
        if (bad >= 0)
            throw new EoiArgumentException("mask", $"{what} must hold only 0 and 1 (or bool); got {mask.Data[bad].ToString("R", CultureInfo.InvariantCulture)} at flat index {bad}");
        return mask;
    }

    /// <summary>Matrix Market stores no precision: a .mtx whose every value is a float32 was written from
    /// float32 and is judged by the float32 bound. A float64 EOI matrix is never all float32-representable
    /// (only the trivial [I | 0] is), so this cannot loosen the bound for one that isn't.</summary>
    static NdArray WithRecoveredPrecision(NdArray values, string path, List<string> notes)
    {
        if (!string.Equals(Path.GetExtension(path), ".mtx", StringComparison.OrdinalIgnoreCase)
            || values.ElementType != ElementType.Float64
            || !AllFloat32(values.Data))
            return values;
        notes.Add("precision: every value in the .mtx is a float32, so the float32 bound applies");
        return new NdArray(values.Shape, ElementType.Float32, values.Data);
    }

    static int IndexOfNonZeroOne(ReadOnlySpan<double> values)
    {
        for (int p = 0; p < values.Length; p++)
            if (values[p] != 0.0 && values[p] != 1.0)
                return p;
        return -1;
    }

    static bool AllFloat32(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
            if (!double.IsNaN(v) && (double)(float)v != v)
                return false;
        return true;
    }

    /// <summary>The plan's values as the file should hold them: the matrix itself, or for a kernel the
    /// matrix at the centre tap and zeros elsewhere.</summary>
    static NdArray Replayed(RotationPlan plan, double gain, Shape shape, string planPath, Accumulation accumulation)
    {
        if (!IsPlanOf(plan, shape))
            throw new EoiArgumentException("--plan",
                $"--plan is for a {plan.Rows} x {plan.Cols} matrix, but the file holds {string.Join(" x ", shape)}; got '{planPath}'");
        var matrix = SparseOrthogonal.Materialize(plan, gain, accumulation).ToDense();
        return shape.Rank == 2 ? matrix : CentreTap.Embed(matrix, shape);
    }

    static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Picks the first value given, option first, and notes where a value not given as an option came from.</summary>
    sealed class Sources(List<string> notes)
    {
        public T? Pick<T>(string name, T? option, params (string Source, T? Value)[] fallbacks) where T : struct
        {
            if (option is not null)
                return option;
            foreach (var (source, value) in fallbacks)
                if (value is T found)
                {
                    notes.Add($"{name} {Describe(found)} from the {source}");
                    return found;
                }
            return null;
        }

        static string Describe<T>(T value) => value switch
        {
            double d => Format(d),
            CentreDensityRule rule => Vocabulary.CentreRules.WordFor(rule),
            PrecisionModel model => Vocabulary.PrecisionModels.WordFor(model),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
