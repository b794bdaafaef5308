using Eoi.Checker;
using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Oracle;

/// <summary>Kernel height and width (both odd, so the kernel has a centre tap).</summary>
public readonly record struct KernelSize(int Height, int Width)
{
    /// <summary>The single tap of a plain matrix.</summary>
    public static KernelSize Matrix { get; } = new(1, 1);

    /// <summary>"3x3": the form of the "kernel" metadata value.</summary>
    public override string ToString() => $"{Height}x{Width}";
}

/// <summary>What to generate; the command has already checked every field against its option's range.
/// For <see cref="LayerKind.Conv"/>, rows and cols are the out and in channels.</summary>
public sealed record LayerRequest(LayerKind Kind, int Rows, int Cols, double Density, ulong Seed, double Gain,
                           StoppingRule Rule, KernelSize Kernel, CentreDensityRule CentreRule, ElementType ElementType);

/// <summary>A layer ready to be written: values in the requested dtype, the trainable mask, the plan of the
/// (centre) matrix, and the metadata saying how it was made.</summary>
public sealed record Layer(NdArray Values, NdArray Mask, RotationPlan Plan, double Gain, IReadOnlyDictionary<string, string> Metadata);

/// <summary>The one place where layers are drawn and materialised: <c>generate</c>, <c>demo</c> and the
/// conformance kit call <see cref="Generate"/>, <c>replay</c> calls <see cref="FromPlan"/>, so the same request
/// gives the same bytes whichever made them.</summary>
public static class Generation
{
    /// <summary>Draws the layer from the key <c>RngKey.FromSeed(request.Seed)</c>: for a linear layer the EOI plan,
    /// materialised by <see cref="FromPlan"/>; for a conv layer a delta-orthogonal kernel with an EOI matrix at the
    /// centre tap, its values rounded once to float32 when float32 is asked for. The metadata records what
    /// <c>check</c> needs to judge the result without options.</summary>
    public static Layer Generate(LayerRequest request)
    {
        var key = RngKey.FromSeed(request.Seed);
        if (request.Kind == LayerKind.Linear)
            return FromPlan(SparseOrthogonal.Plan(request.Rows, request.Cols, request.Density, key, request.Rule), request.Gain, request.ElementType);

        var shape = new KernelShape(request.Rows, request.Cols, request.Kernel.Height, request.Kernel.Width);
        var kernel = DeltaOrthogonal.Generate(shape, request.Density, key, request.Gain, request.CentreRule);
        return new Layer(Rounded(kernel.Values, request.ElementType), kernel.Mask, kernel.Centre.Plan, request.Gain,
                         LayerMetadata.ForKernel(kernel, request.Seed, request.Gain, request.CentreRule, ModelOf(request.ElementType, Accumulation.Float64)));
    }

    /// <summary>Materialises a plan. <c>generate</c> of a matrix and <c>replay</c> both end here, which is
    /// what makes their files byte-identical.</summary>
    public static Layer FromPlan(RotationPlan plan, double gain, ElementType dtype, Accumulation accumulation = Accumulation.Float64)
    {
        var matrix = SparseOrthogonal.Materialize(plan, gain, accumulation);
        var values = dtype == ElementType.Float32 ? matrix.ToDenseFloat32() : matrix.ToDense();
        return new Layer(values, matrix.MaskToDense(), plan, gain, LayerMetadata.ForMatrix(plan, gain, ModelOf(dtype, accumulation)));
    }

    /// <summary>The precision model of values accumulated in <paramref name="accumulation"/> and stored as <paramref name="dtype"/>.</summary>
    static PrecisionModel ModelOf(ElementType dtype, Accumulation accumulation) =>
        accumulation == Accumulation.Float32 ? PrecisionModel.Float32
        : dtype == ElementType.Float32 ? PrecisionModel.RoundedOnce
        : PrecisionModel.Float64;

    /// <summary>Each float64 value rounded once to the nearest float32 when asked for float32.</summary>
    static NdArray Rounded(NdArray values, ElementType dtype) => dtype == ElementType.Float32 ? RoundedToFloat32(values) : values;

    /// <summary>Each value rounded once to the nearest float32, as a float32 array.</summary>
    internal static NdArray RoundedToFloat32(NdArray values)
    {
        var rounded = new double[values.Count];
        for (int p = 0; p < rounded.Length; p++)
            rounded[p] = (float)values.Data[p];
        return new NdArray(values.Shape, ElementType.Float32, rounded);
    }
}
