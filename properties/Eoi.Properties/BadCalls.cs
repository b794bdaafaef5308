using System.Globalization;
using Eoi.Orthogonal;
using Eoi.Random;
using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Properties;

/// <summary>Generators of calls with one argument out of range; every other argument is valid.</summary>
public static class BadCalls
{
    static readonly RngKey Key = RngKey.FromSeed(1);

    static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static Gen<double> NonFinite => Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity);

    static Gen<int> NonPositive => Gen.Frequency((1, Gen.Elements(0, -1, int.MinValue)), (2, Gen.Choose(int.MinValue, 0)));

    /// <summary>Below the shape's minimum (including 0 and negatives), above 1, or not finite.</summary>
    static Gen<double> BadMatrixDensity(double minimum) => Gen.OneOf(
        Generators.UnitInterval.Select(u => minimum * u * 0.999_999),
        Generators.UnitInterval.Select(u => 1.0 + 1e-12 + 10 * u),
        Generators.UnitInterval.Select(u => -10 * u),
        NonFinite);

    static Gen<double> BadKernelDensity => Gen.OneOf(
        Gen.Elements(0.0, -0.0),
        Generators.UnitInterval.Select(u => -10 * u - 1e-300),
        Generators.UnitInterval.Select(u => 1.0 + 1e-12 + 10 * u),
        NonFinite);

    static Gen<double> BadGain => Gen.OneOf(Gen.Elements(0.0, -0.0), Generators.UnitInterval.Select(u => -10 * u - 1e-300), NonFinite);

    static Gen<BadCall> MatrixDensity =>
        from shape in Generators.Shape
        let minimum = SparseOrthogonal.MinimumDensity(shape.Rows, shape.Cols)
        from density in BadMatrixDensity(minimum)
        from rule in Gen.Elements(StoppingRule.Paper, StoppingRule.ExactCount)
        select new BadCall("density", $"[{R(minimum)}, 1]", $"Generate({shape.Rows}, {shape.Cols}, density {R(density)}, {rule})",
                           () => SparseOrthogonal.Generate(shape.Rows, shape.Cols, density, Key, 1.0, rule));

    static Gen<BadCall> MatrixDimension =>
        from bad in NonPositive
        from good in Gen.Choose(1, Generators.MaxSide)
        from badRows in Gen.Elements(true, false)
        let rows = badRows ? bad : good
        let cols = badRows ? good : bad
        select new BadCall(badRows ? "rows" : "cols", ">= 1", $"Plan({rows}, {cols}, density 1)",
                           () => SparseOrthogonal.Plan(rows, cols, 1.0, Key));

    static Gen<BadCall> Gain =>
        from gain in BadGain
        from api in Gen.Choose(0, 2)
        select new BadCall("gain", "> 0", $"api {api}, gain {R(gain)}", api switch
        {
            0 => () => SparseOrthogonal.Generate(8, 8, 0.5, Key, gain),
            1 => () => SparseOrthogonal.Materialize(SparseOrthogonal.Plan(8, 8, 0.5, Key), gain),
            _ => () => DeltaOrthogonal.Generate(new KernelShape(8, 8, 3, 3), 0.5, Key, gain),
        });

    static Gen<BadCall> KernelDensity =>
        from density in BadKernelDensity
        select new BadCall("density", "(0, 1]", $"DeltaOrthogonal(8 x 8 x 3 x 3, density {R(density)})",
                           () => DeltaOrthogonal.Generate(new KernelShape(8, 8, 3, 3), density, Key));

    static Gen<BadCall> KernelDimension =>
        from bad in NonPositive
        from which in Gen.Choose(0, 3)
        let shape = which switch
        {
            0 => new KernelShape(bad, 8, 3, 3),
            1 => new KernelShape(8, bad, 3, 3),
            2 => new KernelShape(8, 8, bad, 3),
            _ => new KernelShape(8, 8, 3, bad),
        }
        select new BadCall(new[] { "out", "in", "kernel height", "kernel width" }[which], ">= 1", $"DeltaOrthogonal({shape})",
                           () => DeltaOrthogonal.Generate(shape, 0.5, Key));

    static Gen<BadCall> EvenKernel =>
        from half in Gen.Choose(1, 8)
        from evenHeight in Gen.Elements(true, false)
        from other in Gen.Elements(1, 3, 5, 2 * half)
        let shape = evenHeight ? new KernelShape(4, 4, 2 * half, other) : new KernelShape(4, 4, other, 2 * half)
        select new BadCall("kernel", "odd", $"DeltaOrthogonal({shape})", () => DeltaOrthogonal.Generate(shape, 0.5, Key));

    public static Arbitrary<BadCall> All() =>
        Arb.From(Gen.OneOf(MatrixDensity, MatrixDimension, Gain, KernelDensity, KernelDimension, EvenKernel));
}
