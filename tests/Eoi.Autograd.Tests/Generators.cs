using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Autograd.Tests;

/// <summary>A small tensor dimension, 1 to 4: gradient checks cost two forward passes per input element.</summary>
public readonly record struct Dim(int Value)
{
    public static implicit operator int(Dim d) => d.Value;
}

/// <summary>A layer width, 1 to 12: large enough for rows and columns with several entries.</summary>
public readonly record struct Width(int Value)
{
    public static implicit operator int(Width w) => w.Value;
}

/// <summary>A mask density in (0, 1].</summary>
public readonly record struct Density(double Value);

public static class Generators
{
    public static Arbitrary<Dim> Dims() => Gen.Choose(1, 4).Select(v => new Dim(v)).ToArbitrary();

    public static Arbitrary<Width> Widths() => Gen.Choose(1, 12).Select(v => new Width(v)).ToArbitrary();

    public static Arbitrary<Density> Densities() => Gen.Choose(1, 10).Select(v => new Density(v / 10.0)).ToArbitrary();
}
