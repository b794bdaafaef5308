using Eoi.Core;

namespace Eoi.Nn.Analysis;

/// <summary>The summary the authors log for a set of singular values (paper.md §6.1: mean_s, max_s, min_s,
/// var_s); the variance is the population variance, as NumPy's var.</summary>
public sealed record SpectrumStats(int Count, double Mean, double Max, double Min, double Variance)
{
    public static SpectrumStats Of(IReadOnlyCollection<double> values)
    {
        Guard.NotNull(values, nameof(values));
        if (values.Count == 0)
            throw new EoiArgumentException(nameof(values), "values must hold at least one singular value; got none");
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return new SpectrumStats(values.Count, mean, values.Max(), values.Min(), variance);
    }
}
