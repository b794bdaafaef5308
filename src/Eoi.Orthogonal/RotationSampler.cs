using Eoi.Random;

namespace Eoi.Orthogonal;

/// <summary>
/// Draws one rotation as the authors' code does, from a <see cref="RandomStream"/>: i uniform in [0, c),
/// then j uniform in [0, c) redrawn until j != i, the pair ordered so that i &lt; j, then
/// theta = u * 2 pi with u a 53-bit uniform in [0, 1). cos and sin are Math.Cos/Math.Sin of theta.
/// </summary>
static class RotationSampler
{
    public const double TwoPi = 2.0 * Math.PI;

    public static GivensRotation Draw(RandomStream stream, int longSide)
    {
        uint c = (uint)longSide;
        int i = (int)stream.NextBelow(c);
        int j;
        do j = (int)stream.NextBelow(c); while (j == i);
        if (j < i) (i, j) = (j, i);
        return WithDrawnAngle(stream, i, j);
    }

    /// <summary>A rotation of the given columns (i &lt; j) with the angle drawn as in <see cref="Draw"/>.</summary>
    public static GivensRotation WithDrawnAngle(RandomStream stream, int i, int j)
    {
        double theta = stream.NextDouble() * TwoPi;
        return new GivensRotation(i, j, theta, Math.Cos(theta), Math.Sin(theta));
    }
}
