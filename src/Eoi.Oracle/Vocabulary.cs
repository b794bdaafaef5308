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
    /// <summary>"linear" and "conv": <c>generate --kind</c> and the "kind" metadata key.</summary>
    public static readonly Words<LayerKind> Kinds = new(("linear", LayerKind.Linear), ("conv", LayerKind.Conv));

    /// <summary>"paper" and "exact-count": when the rotations stop (<c>--rule</c>, the "rule" metadata key).</summary>
    public static readonly Words<StoppingRule> Rules = new(("paper", StoppingRule.Paper), ("exact-count", StoppingRule.ExactCount));

    /// <summary>"plain" and "more-nonzeros": how a kernel's centre-tap density follows from the layer density
    /// (<c>--centre-rule</c>, the "centre_rule" metadata key).</summary>
    public static readonly Words<CentreDensityRule> CentreRules =
        new(("plain", CentreDensityRule.Plain), ("more-nonzeros", CentreDensityRule.MoreNonZeros));

    /// <summary>"float64" and "float32": the dtype <c>generate</c> and <c>replay</c> write (<c>--dtype</c>).</summary>
    public static readonly Words<ElementType> ElementTypes = new(("float64", ElementType.Float64), ("float32", ElementType.Float32));

    /// <summary>"float64", "rounded-once" and "float32": how a file's values were computed, which picks the bound
    /// they are judged by (<c>check --computed-in</c>, the "computed_in" metadata key). The words are the
    /// checker's own, so its reports and the files use the same ones.</summary>
    public static readonly Words<PrecisionModel> PrecisionModels = new(
        (Checker.PrecisionModels.Word(PrecisionModel.Float64), PrecisionModel.Float64),
        (Checker.PrecisionModels.Word(PrecisionModel.RoundedOnce), PrecisionModel.RoundedOnce),
        (Checker.PrecisionModels.Word(PrecisionModel.Float32), PrecisionModel.Float32));

    /// <summary>"float64" and "float32": the precision every rotation is applied in when a plan is replayed
    /// (<c>replay --accumulate</c>).</summary>
    public static readonly Words<Accumulation> Accumulations = new(("float64", Accumulation.Float64), ("float32", Accumulation.Float32));
}

/// <summary>A fixed set of words, each standing for one value of <typeparamref name="T"/>.</summary>
public sealed class Words<T>(params (string Word, T Value)[] pairs) where T : struct, Enum
{
    /// <summary>Every word, in the order given: what help texts and "must be one of" errors list.</summary>
    public IReadOnlyList<string> All { get; } = pairs.Select(p => p.Word).ToArray();

    /// <summary>The word written for <paramref name="value"/>. Throws <see cref="InvalidOperationException"/> for a
    /// value the set leaves out: that is a gap in the vocabulary, never bad input.</summary>
    public string WordFor(T value) => pairs.Single(p => p.Value.Equals(value)).Word;

    /// <summary>The value <paramref name="word"/> stands for, matched exactly (case-sensitive, as the files are
    /// written); false, with <paramref name="value"/> left at its default, for a word not in the set.</summary>
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
