using System.Text.Json.Serialization;
using Eoi.Orthogonal.Testing;
using Eoi.Random;

namespace Eoi.Orthogonal.Tests.Golden;

/// <summary>
/// One golden vector (README.md in this folder defines every field). A shape of two numbers is a matrix made by
/// <see cref="SparseOrthogonal.Generate"/> with a <see cref="StoppingRule"/>; four numbers are a kernel made by
/// <see cref="DeltaOrthogonal.Generate"/> with a <see cref="CentreDensityRule"/>.
/// </summary>
public sealed record GoldenCase(
    string Name,
    ulong Seed,
    int[] Shape,
    double Density,
    string Rule,
    double Gain,
    int Rotations,
    long NonZeros,
    string ValuesSha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MaskSha256)
{
    /// <summary>The inputs of a case with its outputs computed by this implementation.</summary>
    public static GoldenCase Compute(string name, ulong seed, int[] shape, double density, string rule, double gain)
    {
        var key = RngKey.FromSeed(seed);
        if (shape.Length == 2)
        {
            var matrix = SparseOrthogonal.Generate(shape[0], shape[1], density, key, gain, Enum.Parse<StoppingRule>(rule));
            return new(name, seed, shape, density, rule, gain, matrix.Plan.Rotations.Count, matrix.Plan.NonZeros,
                       DenseHash.Sha256(matrix.ToDense().Data), null);
        }
        var kernel = DeltaOrthogonal.Generate(new KernelShape(shape[0], shape[1], shape[2], shape[3]), density, key, gain,
                                              Enum.Parse<CentreDensityRule>(rule));
        return new(name, seed, shape, density, rule, gain, kernel.Centre.Plan.Rotations.Count, kernel.MaskCount,
                   DenseHash.Sha256(kernel.Values.Data), DenseHash.Sha256(kernel.Mask.Data));
    }

    /// <summary>This case recomputed from its inputs.</summary>
    public GoldenCase Recompute() => Compute(Name, Seed, Shape, Density, Rule, Gain);
}
