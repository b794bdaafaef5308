using System.Globalization;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Properties;

/// <summary>One matrix request. ToString is what FsCheck prints for a counterexample, so it is the whole call.</summary>
public sealed record MatrixCase(int Rows, int Cols, double Density, ulong Seed, double Gain, StoppingRule Rule)
{
    public RngKey Key => RngKey.FromSeed(Seed);
    public EoiMatrix Generate() => SparseOrthogonal.Generate(Rows, Cols, Density, Key, Gain, Rule);
    public RotationPlan Plan() => SparseOrthogonal.Plan(Rows, Cols, Density, Key, Rule);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Generate({Rows}, {Cols}, density {Density:R}, seed {Seed}, gain {Gain:R}, {Rule})");
}

/// <summary>One convolution-kernel request.</summary>
public sealed record KernelCase(KernelShape Shape, double Density, ulong Seed, double Gain, CentreDensityRule Rule)
{
    public DeltaOrthogonalKernel Generate() => DeltaOrthogonal.Generate(Shape, Density, RngKey.FromSeed(Seed), Gain, Rule);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"DeltaOrthogonal({Shape}, density {Density:R}, seed {Seed}, gain {Gain:R}, {Rule})");
}

/// <summary>A call with exactly one argument out of range, the parameter its error must name, and the text of
/// the allowed range its message must contain.</summary>
public sealed record BadCall(string Parameter, string Range, string Description, Action Call)
{
    public override string ToString() => Description;
}
