using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// Standard normal draws from a <see cref="RandomStream"/> by the Box-Muller transform: with u1, u2 the next
/// two 53-bit uniforms, r = sqrt(-2 ln(1 - u1)) and the pair is (r cos(2 pi u2), r sin(2 pi u2)), returned in
/// that order. 1 - u1 lies in (0, 1], so the logarithm is finite. docs/SPEC.md fixes only the uniform draws;
/// this is the one normal sampler of the initialisers.
/// </summary>
sealed class NormalStream(RngKey key)
{
    readonly RandomStream _uniform = new(key);
    double _spare;
    bool _hasSpare;

    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double r = Math.Sqrt(-2.0 * Math.Log(1.0 - _uniform.NextDouble()));
        double angle = 2.0 * Math.PI * _uniform.NextDouble();
        _spare = r * Math.Sin(angle);
        _hasSpare = true;
        return r * Math.Cos(angle);
    }

    /// <summary>count independent N(0, std^2) draws.</summary>
    public double[] Fill(int count, double std = 1.0)
    {
        var values = new double[count];
        for (int p = 0; p < count; p++)
            values[p] = std * Next();
        return values;
    }
}
