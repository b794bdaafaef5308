using System.Globalization;
using System.Text.Json;
using Eoi.Checker;
using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;

namespace Eoi.Oracle;

/// <summary>One case of the kit: a layer request and the file stem its files get.</summary>
public sealed record ConformanceCase(string Name, LayerRequest Request);

/// <summary>
/// The conformance kit for implementers in other languages (<c>eoi conformance export DIR</c>): for each case, the
/// rotation plan, the float64 values, the float32 values (rounded once), the non-zero count and the bounds of every
/// precision model, listed in manifest.json, with a README saying how to test an implementation against it.
/// Versioned by <see cref="Version"/>; the files are pure functions of the cases, so a kit is byte-identical
/// wherever it is exported.
/// </summary>
public static class ConformanceKit
{
    /// <summary>The manifest's "format" value: tells a reader what the directory is.</summary>
    public const string Format = "eoi-conformance-kit";
    /// <summary>The manifest's "version": changes when the cases or the files change, so a test against the kit
    /// can say which kit it passed.</summary>
    public const int Version = 1;
    /// <summary>The file that lists every case with its files, non-zero count and bounds.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>Both orientations (100 x 784 and 784 x 100), a square layer under each stopping rule, a gain other
    /// than 1, a single row (1 x 50) and a 3 x 3 conv kernel.</summary>
    public static IReadOnlyList<ConformanceCase> Cases { get; } =
    [
        Linear("linear-100x784-d0.1-seed1", 100, 784, 0.1, 1, 1.0, StoppingRule.Paper),
        Linear("linear-784x100-d0.1-seed2", 784, 100, 0.1, 2, 1.0, StoppingRule.Paper),
        Linear("linear-64x64-d0.5-seed3-exact", 64, 64, 0.5, 3, 1.0, StoppingRule.ExactCount),
        Linear("linear-128x128-d0.9-seed4-gain1.0247", 128, 128, 0.9, 4, 1.0247, StoppingRule.Paper),
        Linear("linear-1x50-d0.02-seed5", 1, 50, 0.02, 5, 1.0, StoppingRule.Paper),
        new("conv-16x8x3x3-d0.2-seed6", new LayerRequest(LayerKind.Conv, 16, 8, 0.2, 6, 1.0, StoppingRule.Paper, new KernelSize(3, 3),
                                                          CentreDensityRule.Plain, ElementType.Float64)),
    ];

    static ConformanceCase Linear(string name, int rows, int cols, double density, ulong seed, double gain, StoppingRule rule) =>
        new(name, new LayerRequest(LayerKind.Linear, rows, cols, density, seed, gain, rule, KernelSize.Matrix, CentreDensityRule.Plain, ElementType.Float64));

    /// <summary>Writes the kit into <paramref name="directory"/> (created if missing), every file or none.</summary>
    public static void Export(string directory)
    {
        Guard.NotNull(directory, nameof(directory));
        if (File.Exists(directory))
            throw new EoiArgumentException("DIR", $"DIR must be a directory; '{directory}' is a file");
        Directory.CreateDirectory(directory);
        using var batch = AtomicFile.Batch();
        var entries = new List<Action<Utf8JsonWriter>>();
        foreach (var c in Cases)
        {
            var layer = Generation.Generate(c.Request);
            string plan = c.Name + ".plan" + LayerFiles.PlanExtension, float64 = c.Name + ".float64.npy", float32 = c.Name + ".float32.npy";
            RotationPlanFile.Write(Path.Combine(directory, plan), layer.Plan);
            NpyFile.Write(Path.Combine(directory, float64), layer.Values);
            NpyFile.Write(Path.Combine(directory, float32), Generation.RoundedToFloat32(layer.Values));
            entries.Add(w => WriteCase(w, c, layer, plan, float64, float32));
        }
        AtomicFile.WriteText(Path.Combine(directory, ManifestFile), writer => writer.Write(Manifest(entries)));
        AtomicFile.WriteText(Path.Combine(directory, "README.md"), writer => writer.Write(Readme));
        batch.Commit();
    }

    static string Manifest(List<Action<Utf8JsonWriter>> entries)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("generator", LayerMetadata.ToolName);
            w.WriteStartArray("cases");
            foreach (var entry in entries)
                entry(w);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static void WriteCase(Utf8JsonWriter w, ConformanceCase c, Layer layer, string plan, string float64, string float32)
    {
        var r = c.Request;
        var centre = layer.Plan;
        w.WriteStartObject();
        w.WriteString("name", c.Name);
        w.WriteString("kind", Vocabulary.Kinds.WordFor(r.Kind));
        w.WriteStartArray("shape");
        foreach (int d in layer.Values.Shape) w.WriteNumberValue(d);
        w.WriteEndArray();
        w.WriteNumber("density", r.Density);
        w.WriteNumber("seed", r.Seed);
        w.WriteString("rule", Vocabulary.Rules.WordFor(r.Rule));
        w.WriteNumber("gain", r.Gain);
        if (r.Kind == LayerKind.Conv)
            w.WriteString("centre_rule", Vocabulary.CentreRules.WordFor(r.CentreRule));
        w.WriteString("plan", plan);
        w.WriteString("float64", float64);
        w.WriteString("float32", float32);
        w.WriteNumber("rotations", centre.Rotations.Count);
        w.WriteNumber("nnz", layer.Values.CountNonZero());
        w.WriteNumber("mask_nnz", layer.MaskPositions);
        int hits = Tolerances.MaxColumnHits(centre.Rotations, centre.LongSide);
        w.WriteNumber("max_column_hits", hits);
        w.WriteStartObject("bounds");
        w.WriteNumber("float64", Tolerances.Float64Bound(centre.Rotations.Count, r.Gain));
        w.WriteNumber("rounded-once", Tolerances.RoundedOnceBound(centre.Rotations.Count, r.Gain));
        w.WriteNumber("float32", Tolerances.Float32Bound(hits, r.Gain));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    static readonly string Readme = string.Create(CultureInfo.InvariantCulture, $$"""
        # EOI conformance kit ({{Format}}, version {{Version}})

        Cases for testing another implementation of Exact Orthogonal Initialization against this reference
        (docs/SPEC.md of Eoi.Reference is the normative text). `manifest.json` lists every case: `kind` (linear or
        conv), `shape` (rows x cols, or out x in x kh x kw), `density`, `seed`, `rule` (`paper` or `exact-count`),
        `gain`, and its files:

        - `plan`: the rotation plan, JSON lines: a header, then one `{"i","j","theta","cos","sin"}` per rotation.
          For a conv case it is the plan of the centre-tap matrix (out x in).
        - `float64`: the values as `.npy` (`<f8`, C order), the plan replayed in float64.
        - `float32`: the same values rounded once to float32 (`<f4`).
        - `rotations`, `nnz` (non-zeros of the values), `mask_nnz`, `max_column_hits` (most rotations hitting one
          column) and `bounds`: the largest allowed max |W Wᵀ − g² I| (or Wᵀ W) for values computed in `float64`,
          in float64 then `rounded-once` to float32, or in `float32` throughout.

        ## Testing an implementation

        1. Replay, bit for bit: start from [I_r | 0] (r = min(rows, cols), c = max(rows, cols)); for every rotation
           in order and every row x, with a = A[x, i], b = A[x, j]: A[x, i] = cos*a + sin*b, A[x, j] = cos*b − sin*a,
           in float64, no fused multiply-add; multiply by the gain when it is not 1; transpose when rows > cols; for
           a conv case put the matrix at the centre tap ((kh−1)/2, (kw−1)/2), zeros elsewhere. Add +0.0 to turn
           −0.0 into +0.0, then compare with `float64` bit for bit, and the float32 rounding with `float32`.
        2. Or generate with your own random numbers at the case's shape and density, and judge your matrix with
           `eoi check FILE --density D` (state `--computed-in float32` when every rotation was applied in float32):
           it must pass, and its non-zero count should be near `nnz`.
        3. A float32 implementation that applies each rotation in float32 should stay within `bounds.float32`.
        """);
}
