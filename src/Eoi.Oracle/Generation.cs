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
/// (centre) matrix, and the metadata saying how it was made. A matrix's dense mask is only built when something
/// reads <see cref="Mask"/> (a .safetensors file or --mask-out): <c>generate</c> to a .npy needs no mask.</summary>
public sealed class Layer
{
    readonly Lazy<NdArray> mask;

    /// <param name="values">The values as written, in their dtype.</param>
    /// <param name="orthogonal">The part that must be orthogonal, as written and sparse: see <see cref="Orthogonal"/>.</param>
    /// <param name="mask">Makes the dense 0/1 mask, called at most once.</param>
    /// <param name="maskPositions">The number of ones the mask will hold.</param>
    /// <param name="plan">The plan of the (centre) matrix.</param>
    /// <param name="gain">The gain g: the orthogonal part's Gram is g^2 I.</param>
    /// <param name="metadata">What <c>check</c> needs to judge the written file without options.</param>
    internal Layer(NdArray values, CsrMatrix orthogonal, Func<NdArray> mask, long maskPositions, RotationPlan plan, double gain,
                   IReadOnlyDictionary<string, string> metadata)
    {
        Values = values;
        Orthogonal = orthogonal;
        this.mask = new Lazy<NdArray>(mask);
        MaskPositions = maskPositions;
        Plan = plan;
        Gain = gain;
        Metadata = metadata;
    }

    /// <summary>The values in the requested dtype: rows x cols, or out x in x kh x kw for a kernel.</summary>
    public NdArray Values { get; }
    /// <summary>The matrix that must be orthogonal (a kernel's centre tap) with the values as written, its
    /// positions those whose written value is not 0: the same CSR that <c>check</c> builds from the written file,
    /// so an orthogonality error computed from it has the bits <c>check</c> reports.</summary>
    public CsrMatrix Orthogonal { get; }
    /// <summary>The trainable mask (1 where training may change an entry), same shape as <see cref="Values"/>;
    /// built on first use.</summary>
    public NdArray Mask => mask.Value;
    /// <summary>The number of ones in <see cref="Mask"/>, known without building it.</summary>
    public long MaskPositions { get; }
    /// <summary>The rotation plan of the (centre) matrix.</summary>
    public RotationPlan Plan { get; }
    /// <summary>The gain g every entry carries.</summary>
    public double Gain { get; }
    /// <summary>The metadata a .safetensors file stores: how the layer was made.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}

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
        // The centre tap holds the centre matrix's values and every other tap +0.0, so the centre matrix, rounded
        // as the kernel is, is the kernel's orthogonal part as written.
        return new Layer(Rounded(kernel.Values, request.ElementType), kernel.Centre.Weights.ToStoredNonZeros(request.ElementType),
                         () => kernel.Mask, kernel.Mask.CountNonZero(), kernel.Centre.Plan, request.Gain,
                         LayerMetadata.ForKernel(kernel, request.Seed, request.Gain, request.CentreRule, ModelOf(request.ElementType, Accumulation.Float64)));
    }

    /// <summary>Materialises a plan. <c>generate</c> of a matrix and <c>replay</c> both end here, which is
    /// what makes their files byte-identical.</summary>
    public static Layer FromPlan(RotationPlan plan, double gain, ElementType dtype, Accumulation accumulation = Accumulation.Float64)
    {
        var matrix = SparseOrthogonal.Materialize(plan, gain, accumulation);
        var values = dtype == ElementType.Float32 ? matrix.ToDenseFloat32() : matrix.ToDense();
        return new Layer(values, matrix.Weights.ToStoredNonZeros(dtype), matrix.MaskToDense, plan.NonZeros,
                         plan, gain, LayerMetadata.ForMatrix(plan, gain, ModelOf(dtype, accumulation)));
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
