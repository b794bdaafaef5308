using System.Globalization;
using System.Text.Json;
using Eoi.Core;
using Eoi.IO;
using Eoi.Orthogonal;
using Eoi.Random;
using static System.FormattableString;

namespace Eoi.Oracle;

/// <summary>
/// Rotation plans as JSON lines: a header object, then one object per rotation, so a Python reader needs
/// nothing but json.loads per line. Every double is written in its shortest round-trip form and always
/// with a '.' or an exponent, so that Python reads it as a float (json.loads("-0") would give the int 0 and
/// lose the sign) and both languages recover the exact bits.
/// </summary>
public static class RotationPlanFile
{
    /// <summary>The header's "format" value.</summary>
    public const string FormatName = "eoi-rotation-plan";
    /// <summary>The header's "version" value; a reader refuses any other.</summary>
    public const int FormatVersion = 1;

    static readonly string[] HeaderKeys = ["format", "version", "rows", "cols", "target_density", "rule", "key", "rotations", "nnz"];
    static readonly string[] RotationKeys = ["i", "j", "theta", "cos", "sin"];
    /// <summary>The rule names, spelt as in the options and the safetensors metadata.</summary>
    static readonly (string Name, StoppingRule Rule)[] Rules = [("paper", StoppingRule.Paper), ("exact-count", StoppingRule.ExactCount)];

    /// <summary>The spelling plans written before the names were unified; still read, never written.</summary>
    const string LegacyExactCount = "exact_count";

    /// <summary>Writes the header and every rotation of <paramref name="plan"/>, whole or not at all.</summary>
    public static void Write(string path, RotationPlan plan)
    {
        Guard.NotNull(plan, nameof(plan));
        // The same range Read accepts, so that every file written can be read back.
        Guard.InRangeExclusiveMin(plan.TargetDensity, 0, 1, "plan.TargetDensity");
        string rule = Array.Find(Rules, r => r.Rule == plan.Rule).Name
            ?? throw new EoiArgumentException(nameof(plan), $"plan.Rule {plan.Rule} has no name in the file format");
        string key = plan.Key is { } k ? Invariant($"[{k.K0},{k.K1}]") : "null";
        AtomicFile.WriteText(path, writer =>
        {
            writer.WriteLine(Invariant(
                $"{{\"format\":\"{FormatName}\",\"version\":{FormatVersion},\"rows\":{plan.Rows},\"cols\":{plan.Cols},") +
                Invariant($"\"target_density\":{Number(plan.TargetDensity)},\"rule\":\"{rule}\",\"key\":{key},") +
                Invariant($"\"rotations\":{plan.Rotations.Count},\"nnz\":{plan.NonZeros}}}"));
            foreach (var g in plan.Rotations)
                writer.WriteLine(Invariant(
                    $"{{\"i\":{g.I},\"j\":{g.J},\"theta\":{Number(g.Theta)},\"cos\":{Number(g.Cos)},\"sin\":{Number(g.Sin)}}}"));
        });
    }

    /// <summary>The plan in <paramref name="path"/>, its support recomputed from the rotations and checked against
    /// the header's count.</summary>
    public static RotationPlan Read(string path)
    {
        using var file = InputFile.Open(path);
        using var reader = new StreamReader(file.Stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var lines = new JsonLineReader(file, reader);

        var header = lines.NextObject("the header", HeaderKeys)
            ?? throw file.Error("empty file; expected a rotation plan header line");
        string format = lines.String(header["format"], "format");
        if (format != FormatName)
            throw lines.Error($"not a rotation plan: format is '{format}', expected '{FormatName}'");
        int version = lines.Integer(header["version"], "version", 0, int.MaxValue);
        if (version != FormatVersion)
            throw lines.Error($"unsupported rotation plan version {version}; this reader understands version {FormatVersion}");
        int rows = lines.Integer(header["rows"], "rows", 1, int.MaxValue);
        int cols = lines.Integer(header["cols"], "cols", 1, int.MaxValue);
        double targetDensity = lines.Double(header["target_density"], "target_density");
        if (targetDensity <= 0 || targetDensity > 1)
            throw lines.Error($"target_density must be in (0, 1]; got {targetDensity:R}");
        string ruleName = lines.String(header["rule"], "rule");
        int rule = Array.FindIndex(Rules, r => r.Name == (ruleName == LegacyExactCount ? "exact-count" : ruleName));
        if (rule < 0)
            throw lines.Error($"rule '{ruleName}' is unknown; expected one of {string.Join(", ", Rules.Select(r => r.Name))}");
        RngKey? key = ReadKey(lines, header["key"]);
        int count = lines.Integer(header["rotations"], "rotations", 0, int.MaxValue);
        long nnz = lines.Long(header["nnz"], "nnz");

        int longSide = Math.Max(rows, cols);
        // Each rotation line takes dozens of bytes, so the file size bounds how many can really follow.
        var rotations = new List<GivensRotation>((int)Math.Min(count, file.Length / 16));
        for (int t = 0; t < count; t++)
        {
            var fields = lines.NextObject($"rotation {t}", RotationKeys)
                ?? throw file.Error($"the header announces {count} rotations but the file holds only {t}");
            int i = lines.Integer(fields["i"], "i", 0, int.MaxValue);
            int j = lines.Integer(fields["j"], "j", 0, int.MaxValue);
            if (i >= j || j >= longSide)
                throw lines.Error($"rotation {t} needs 0 <= i < j < {longSide} (the long side); got i = {i}, j = {j}");
            var rotation = new GivensRotation(i, j, lines.Double(fields["theta"], "theta"),
                                              lines.Double(fields["cos"], "cos"), lines.Double(fields["sin"], "sin"));
            if (rotation.Problem() is string problem)
                throw lines.Error($"rotation {t}: {problem}");
            rotations.Add(rotation);
        }
        if (lines.NextLine() is not null)
            throw lines.Error($"more lines than the {count} rotations the header announces");

        RotationPlan plan;
        try
        {
            plan = new RotationPlan(rows, cols, targetDensity, Rules[rule].Rule, key, rotations);
        }
        catch (EoiArgumentException ex)
        {
            throw file.Error($"not a valid rotation plan: {ex.Message}");
        }
        if (plan.NonZeros != nnz)
            throw file.Error($"the header says nnz = {nnz} but replaying the rotations gives {plan.NonZeros} non-zeros");
        return plan;
    }

    static RngKey? ReadKey(JsonLineReader lines, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
            throw lines.Error($"key must be null or [k0, k1] with two unsigned 32-bit integers; got {value.GetRawText()}");
        var words = value.EnumerateArray().Select(w => w.ValueKind == JsonValueKind.Number && w.TryGetUInt32(out uint u)
            ? u
            : throw lines.Error($"key words must be unsigned 32-bit integers; got {w.GetRawText()}")).ToArray();
        return new RngKey(words[0], words[1]);
    }

    /// <summary>Shortest round-trip form, made to look like a float to every JSON reader.</summary>
    static string Number(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0";
    }
}
