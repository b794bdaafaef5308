using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Sparsity;

namespace Eoi.Nn.Modules;

/// <summary>
/// 2-D convolution with a square kernel; padding zeros or circular. How the kernel is stored follows the
/// fixed mask <see cref="Assign"/> gives it: below <see cref="SparseKernelMaxDensity"/> only the non-zeros are
/// kept, as CSR values (<see cref="SparseConvWeight"/>, no dense kernel anywhere, work following the
/// non-zeros); otherwise a masked dense kernel, the mask multiplied back in after every optimiser step. Both
/// compute the same function and train on the same positions; until the first Assign the kernel is dense
/// zeros. Checkpoints see the same dense weight and mask either way.
/// </summary>
public sealed class Conv2d : WeightLayer
{
    /// <summary>Masks at or above this density keep the masked dense kernel. Measured, not estimated
    /// (benchmarks/README.md, ConvLayerBenchmarks: one layer's forward, input and kernel gradient, batch 128, the
    /// CSR kernel against the masked dense one at the same density, machine under load 23-26): the direct sparse
    /// convolution costs per stored tap a pass over one output plane, the dense one an im2col and a GEMM, so
    /// where they meet depends on the plane size. ResNet-20's 16-channel 32 x 32 layers: CSR/dense time 0.42 at
    /// d = 0.1, 0.39 at 0.25, 0.62 at 0.4, 0.81 at 0.55. Its 64-channel 8 x 8 layers: 0.59 at 0.1, 1.55 at 0.25,
    /// 1.94 at 0.4. Storage is chosen at Assign, before the image size is known, so one density serves every
    /// layer; at 0.25 the two stages' ratios (0.39 and 1.55) sum to about the dense time (2), so 0.25 is where a
    /// network with equal work per stage, as ResNet's, breaks even. The paper's sparse runs are at 0.1 and below,
    /// where CSR wins on both shapes.</summary>
    public const double SparseKernelMaxDensity = 0.25;

    Parameter? dense;
    SparseConvWeight? sparse;

    public Conv2d(IBackend backend, int inChannels, int outChannels, int kernel, int stride = 1, int padding = 0,
                  PaddingMode paddingMode = PaddingMode.Zeros, bool bias = true, ElementType elementType = ElementType.Float32)
        : base(backend, elementType, LayerSpec.Conv("", outChannels, inChannels, kernel, kernel, bias))
    {
        Guard.Positive(kernel, nameof(kernel));
        Guard.Positive(stride, nameof(stride));
        Guard.InRange(padding, 0, int.MaxValue, nameof(padding));
        Stride = stride;
        Padding = padding;
        PaddingMode = paddingMode;
        dense = new Parameter(backend, elementType, WeightShape);
    }

    public int Stride { get; }
    public int Padding { get; }
    public PaddingMode PaddingMode { get; }

    /// <summary>True when the kernel is held as CSR non-zeros (the last mask was below <see cref="SparseKernelMaxDensity"/>).</summary>
    public bool IsSparse => sparse is not null;

    int PatchLength => Spec.FanIn;

    public override Tensor Forward(Tensor x)
    {
        var y = sparse is not null
            ? x.SparseConv2d(sparse, Stride, Padding, PaddingMode)
            : x.Conv2d(dense!.Value, Stride, Padding, PaddingMode);
        return Bias is null ? y : y.AddBias(Bias.Value);
    }

    public override double[] ReadWeight() => sparse is not null ? Scatter(HostTensors.Read(sparse.Values)) : dense!.Read();
    public override double[] ReadMask() => sparse is not null ? sparse.Pattern.ToDenseMask().Data.ToArray() : dense!.ReadMask();

    public override double[]? ReadWeightGradient() => sparse is not null
        ? sparse.Values.Grad is { } grad ? Scatter(HostTensors.Read(grad)) : null
        : dense!.ReadGradient();

    public override void Assign(ReadOnlySpan<double> values, ReadOnlySpan<double> mask)
    {
        var csr = MaskedCsr.Build(Spec.Out, PatchLength, values, mask);
        if (csr.Values.Length < SparseKernelMaxDensity * Spec.Count)
        {
            var kernel = SparseConvWeight.FromCsr(Backend, Spec.In, Spec.KernelHeight, Spec.KernelWidth, csr, ElementType);
            DisposeWeight();
            sparse = kernel;
            return;
        }
        var parameter = new Parameter(Backend, ElementType, WeightShape);
        parameter.Assign(values, mask);
        DisposeWeight();
        dense = parameter;
    }

    protected override TrainableParameter WeightParameter => sparse is not null ? sparse.Values : dense!.ToTrainable();

    /// <summary>Values in CSR order to the dense [out, in, k, k] kernel, zeros off the pattern.</summary>
    double[] Scatter(double[] csrValues) => new CsrMatrix(sparse!.Pattern, csrValues).ToDense().Data.ToArray();

    void DisposeWeight()
    {
        dense?.Dispose();
        sparse?.Dispose();
        dense = null;
        sparse = null;
    }

    public override void Dispose()
    {
        DisposeWeight();
        base.Dispose();
    }
}
