using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Oracle;

/// <summary>
/// The words the command line and the safetensors metadata use for the library's enums, in one place so
/// that what <c>generate</c> writes, <c>check</c> reads back.
/// </summary>
public static class Vocabulary
{
    public static readonly Words<LayerKind> Kinds = new(("linear", LayerKind.Linear), ("conv", LayerKind.Conv));

    public static readonly Words<StoppingRule> Rules = new(("paper", StoppingRule.Paper), ("exact-count", StoppingRule.ExactCount));

    public static readonly Words<CentreDensityRule> CentreRules =
        new(("plain", CentreDensityRule.Plain), ("more-nonzeros", CentreDensityRule.MoreNonZeros));

    public static readonly Words<ElementType> ElementTypes = new(("float64", ElementType.Float64), ("float32", ElementType.Float32));

    public static readonly Words<PrecisionModel> PrecisionModels = new(
        (Checker.PrecisionModels.Word(PrecisionModel.Float64), PrecisionModel.Float64),
        (Checker.PrecisionModels.Word(PrecisionModel.RoundedOnce), PrecisionModel.RoundedOnce),
        (Checker.PrecisionModels.Word(PrecisionModel.Float32), PrecisionModel.Float32));

    public static readonly Words<Accumulation> Accumulations = new(("float64", Accumulation.Float64), ("float32", Accumulation.Float32));
}

/// <summary>A fixed set of words, each standing for one value of <typeparamref name="T"/>.</summary>
public sealed class Words<T>(params (string Word, T Value)[] pairs) where T : struct, Enum
{
    public IReadOnlyList<string> All { get; } = pairs.Select(p => p.Word).ToArray();

    public string WordFor(T value) => pairs.Single(p => p.Value.Equals(value)).Word;

    public bool TryParse(string word, out T value)
    {
        foreach (var (w, v) in pairs)
            if (w == word)
            {
                value = v;
                return true;
            }
        value = default;
        return false;
    }
}
