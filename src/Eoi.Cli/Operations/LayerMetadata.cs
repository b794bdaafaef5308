using System.Globalization;
using System.Reflection;
using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Cli.Operations;

/// <summary>The parameters <c>check</c> can take from a file instead of from its options.</summary>
sealed record CheckDefaults(double? Density, double? Gain, long? Rotations, CentreDensityRule? CentreRule);

/// <summary>
/// The safetensors "__metadata__" that <c>generate</c> and <c>replay</c> write and <c>check</c> reads back
/// as defaults. Values are strings (the format allows nothing else); numbers are written round-trip.
/// Nothing time- or machine-dependent goes in, so equal layers give byte-identical files.
/// </summary>
static class LayerMetadata
{
    public const string Generator = "generator";
    public const string Kind = "kind";
    public const string Seed = "seed";
    public const string Density = "density";
    public const string Gain = "gain";
    public const string Rule = "rule";
    public const string Rotations = "rotations";
    public const string Kernel = "kernel";
    public const string CentreRule = "centre_rule";
    public const string CentreDensity = "centre_density";

    /// <summary>"eoi 1.2.3", without the source-revision suffix, so a rebuild does not change the bytes.</summary>
    public static string ToolName { get; } =
        "eoi " + (typeof(LayerMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0").Split('+')[0];

    public static IReadOnlyDictionary<string, string> ForMatrix(RotationPlan plan, double gain)
    {
        var metadata = new Dictionary<string, string>
        {
            [Generator] = ToolName,
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

    public static IReadOnlyDictionary<string, string> ForKernel(DeltaOrthogonalKernel kernel, ulong seed, double gain, CentreDensityRule centreRule) =>
        new Dictionary<string, string>
        {
            [Generator] = ToolName,
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
        double? gain = Parse<double>(metadata, Gain, path, "a finite number > 0", t =>
            double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double g) && double.IsFinite(g) && g > 0 ? g : (double?)null);
        long? rotations = Parse<long>(metadata, Rotations, path, "an integer >= 0", t =>
            long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long k) ? k : (long?)null);
        CentreDensityRule? centreRule = Parse<CentreDensityRule>(metadata, CentreRule, path, $"one of {string.Join(", ", Vocabulary.CentreRules.All)}", t =>
            Vocabulary.CentreRules.TryParse(t, out var rule) ? rule : (CentreDensityRule?)null);
        return new CheckDefaults(density, gain, rotations, centreRule);
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
