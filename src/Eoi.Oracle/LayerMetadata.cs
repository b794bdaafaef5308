using System.Globalization;
using System.Reflection;
using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle;

/// <summary>The parameters <c>check</c> can take from a file instead of from its options.</summary>
public sealed record CheckDefaults(double? Density, double? Gain, long? Rotations, CentreDensityRule? CentreRule, PrecisionModel? ComputedIn);

/// <summary>
/// The safetensors "__metadata__" that <c>generate</c> and <c>replay</c> write and <c>check</c> reads back
/// as defaults. Values are strings (the format allows nothing else); numbers are written round-trip.
/// Nothing time- or machine-dependent goes in, so equal layers give byte-identical files.
/// </summary>
public static class LayerMetadata
{
    /// <summary>Key: The tool and version that wrote the file ("eoi 1.0.0", see <see cref="ToolName"/>); for people, never read back.</summary>
    public const string Generator = "generator";
    /// <summary>Key: "linear" or "conv" (<see cref="Vocabulary.Kinds"/>); must agree with the tensor's rank.</summary>
    public const string Kind = "kind";
    /// <summary>Key: The 64-bit seed whose <c>RngKey.FromSeed</c> key drew the rotations; absent when the plan carries no key.</summary>
    public const string Seed = "seed";
    /// <summary>Key: The target density the layer was generated for; <c>check</c>'s default <c>--density</c>.</summary>
    public const string Density = "density";
    /// <summary>Key: The gain g of W Wᵀ = g² I; <c>check</c>'s default <c>--gain</c>.</summary>
    public const string Gain = "gain";
    /// <summary>Key: The stopping rule that ended the rotations ("paper" or "exact-count").</summary>
    public const string Rule = "rule";
    /// <summary>Key: How many rotations the (centre) matrix took; the k of the float64 bound, <c>check</c>'s default <c>--rotations</c>.</summary>
    public const string Rotations = "rotations";
    /// <summary>Key: A conv kernel's height and width ("3x3"); must agree with the tensor's last two dimensions.</summary>
    public const string Kernel = "kernel";
    /// <summary>Key: How the centre tap's density was chosen ("plain" or "more-nonzeros"); <c>check</c>'s default <c>--centre-rule</c>.</summary>
    public const string CentreRule = "centre_rule";
    /// <summary>Key: The centre tap matrix's density; must equal what density, kernel and centre rule give, which <see cref="RequireConsistent"/> checks.</summary>
    public const string CentreDensity = "centre_density";
    /// <summary>Key: How the values were computed ("float64", "rounded-once" or "float32"), which picks the bound <c>check</c> judges them by.</summary>
    public const string ComputedIn = "computed_in";

    /// <summary>"eoi 1.2.3", without the source-revision suffix, so a rebuild does not change the bytes.</summary>
    public static string ToolName { get; } =
        "eoi " + (typeof(LayerMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0").Split('+')[0];

    /// <summary>The metadata of a matrix materialised from <paramref name="plan"/>: density, rule, rotation count and
    /// seed come from the plan, so <c>replay</c> of a plan file writes what <c>generate</c> wrote with it.</summary>
    public static IReadOnlyDictionary<string, string> ForMatrix(RotationPlan plan, double gain, PrecisionModel computedIn)
    {
        var metadata = new Dictionary<string, string>
        {
            [Generator] = ToolName,
            [ComputedIn] = Vocabulary.PrecisionModels.WordFor(computedIn),
            [Kind] = Vocabulary.Kinds.WordFor(LayerKind.Linear),
            [Density] = Number(plan.TargetDensity),
            [Gain] = Number(gain),
            [Rule] = Vocabulary.Rules.WordFor(plan.Rule),
            [Rotations] = Integer(plan.Rotations.Count),
        };
        if (plan.Key is RngKey key)
            metadata[Seed] = Integer(SeedOf(key));
        return metadata;
    }

    /// <summary>The metadata of a delta-orthogonal kernel drawn from <paramref name="seed"/>: the centre plan's rule
    /// and rotation count, the layer's density, and the kernel size, centre rule and centre density that
    /// <see cref="RequireConsistent"/> checks against each other.</summary>
    public static IReadOnlyDictionary<string, string> ForKernel(DeltaOrthogonalKernel kernel, ulong seed, double gain, CentreDensityRule centreRule,
                                                                PrecisionModel computedIn) =>
        new Dictionary<string, string>
        {
            [Generator] = ToolName,
            [ComputedIn] = Vocabulary.PrecisionModels.WordFor(computedIn),
            [Kind] = Vocabulary.Kinds.WordFor(LayerKind.Conv),
            [Seed] = Integer(seed),
            [Density] = Number(kernel.TargetDensity),
            [Gain] = Number(gain),
            [Rule] = Vocabulary.Rules.WordFor(kernel.Centre.Plan.Rule),
            [Rotations] = Integer(kernel.Centre.Plan.Rotations.Count),
            [Kernel] = $"{kernel.Shape.Height}x{kernel.Shape.Width}",
            [CentreRule] = Vocabulary.CentreRules.WordFor(centreRule),
            [CentreDensity] = Number(kernel.CentreDensity),
        };

    /// <summary>The inverse of <see cref="RngKey.FromSeed"/>, which is a bijection.</summary>
    public static ulong SeedOf(RngKey key) => (ulong)key.K1 << 32 | key.K0;

    /// <summary>The defaults a file's metadata gives; keys it lacks give none. A present but unreadable
    /// value is an error naming the file, since silently ignoring it would judge against the wrong bound.</summary>
    public static CheckDefaults Read(IReadOnlyDictionary<string, string> metadata, string path)
    {
        double? density = Parse<double>(metadata, Density, path, "a number in (0, 1]", t =>
            double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0 && d <= 1 ? d : (double?)null);
        double? gain = Parse<double>(metadata, Gain, path, Tolerances.GainRange, t =>
            double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double g) && Tolerances.IsJudgeableGain(g) ? g : (double?)null);
        long? rotations = Parse<long>(metadata, Rotations, path, "an integer >= 0", t =>
            long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long k) ? k : (long?)null);
        CentreDensityRule? centreRule = Parse<CentreDensityRule>(metadata, CentreRule, path, $"one of {string.Join(", ", Vocabulary.CentreRules.All)}", t =>
            Vocabulary.CentreRules.TryParse(t, out var rule) ? rule : (CentreDensityRule?)null);
        PrecisionModel? computedIn = Parse<PrecisionModel>(metadata, ComputedIn, path, $"one of {string.Join(", ", Vocabulary.PrecisionModels.All)}", t =>
            Vocabulary.PrecisionModels.TryParse(t, out var model) ? model : (PrecisionModel?)null);
        return new CheckDefaults(density, gain, rotations, centreRule, computedIn);
    }

    /// <summary>
    /// The keys that describe the tensor must agree with it and with each other: 'kind' with the rank, 'kernel'
    /// with the kernel's height and width, 'centre_density' with what 'density', 'kernel' and 'centre_rule'
    /// give (docs/SPEC.md §3). A contradiction is an error: which of the two to believe cannot be guessed.
    /// </summary>
    public static void RequireConsistent(IReadOnlyDictionary<string, string> metadata, NdArray values, string path)
    {
        if (metadata.TryGetValue(Kind, out string? kind))
        {
            if (!Vocabulary.Kinds.TryParse(kind, out var layerKind))
                throw new EoiFormatException(path, $"metadata '{Kind}' must be one of {string.Join(", ", Vocabulary.Kinds.All)}; got '{kind}'");
            int rank = layerKind == LayerKind.Conv ? 4 : 2;
            if (values.Rank != rank)
                throw new EoiFormatException(path, $"metadata '{Kind}' is '{kind}' (rank {rank}), but the tensor is {values.ShapeText} (rank {values.Rank})");
        }
        if (metadata.TryGetValue(Kernel, out string? kernel))
        {
            string actual = values.Rank == 4 ? $"{values.Shape[2]}x{values.Shape[3]}" : "none (not a rank-4 tensor)";
            if (values.Rank != 4 || kernel != actual)
                throw new EoiFormatException(path, $"metadata '{Kernel}' is '{kernel}', but the tensor's kernel is {actual} ({values.ShapeText})");
        }
        if (metadata.TryGetValue(CentreDensity, out string? centreText))
        {
            if (values.Rank != 4)
                throw new EoiFormatException(path, $"metadata '{CentreDensity}' describes a conv kernel, but the tensor is {values.ShapeText}");
            var defaults = Read(metadata, path);
            if (!double.TryParse(centreText, NumberStyles.Float, CultureInfo.InvariantCulture, out double centre) || !(centre > 0 && centre <= 1))
                throw new EoiFormatException(path, $"metadata '{CentreDensity}' must be a number in (0, 1]; got '{centreText}'");
            if (defaults.Density is double density)
            {
                double expected = Math.Max(
                    DeltaOrthogonal.CentreDensityFor(density, values.Shape[2], values.Shape[3], defaults.CentreRule ?? CentreDensityRule.Plain),
                    SparseOrthogonal.MinimumDensity(values.Shape[0], values.Shape[1]));
                if (centre != expected)
                    throw new EoiFormatException(path,
                        $"metadata '{CentreDensity}' is {centreText}, but '{Density}' {Number(density)} with centre rule '{Vocabulary.CentreRules.WordFor(defaults.CentreRule ?? CentreDensityRule.Plain)}' " +
                        $"on a {values.ShapeText} kernel gives {Number(expected)}");
            }
        }
    }

    static T? Parse<T>(IReadOnlyDictionary<string, string> metadata, string key, string path, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (!metadata.TryGetValue(key, out string? text))
            return null;
        return parse(text) ?? throw new EoiFormatException(path, $"metadata '{key}' must be {expected}; got '{text}'");
    }

    static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    static string Integer(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
