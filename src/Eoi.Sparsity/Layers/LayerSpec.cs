using Eoi.Core;
using Eoi.Orthogonal;

namespace Eoi.Sparsity;

/// <summary>
/// The shape of one masked weight in PyTorch layout: (out, in) for <see cref="LayerKind.Linear"/>,
/// (out, in, kernel height, kernel width) for <see cref="LayerKind.Conv"/>. Everything this library computes
/// is a function of these specs, a density and a key; it never sees the network itself.
/// </summary>
public sealed record LayerSpec
{
    public string Name { get; }
    public LayerKind Kind { get; }
    public int Out { get; }
    public int In { get; }
    public int KernelHeight { get; }
    public int KernelWidth { get; }
    /// <summary>Whether the layer has a bias vector (length <see cref="Out"/>) to initialise.</summary>
    public bool HasBias { get; }

    LayerSpec(string name, LayerKind kind, int outFeatures, int inFeatures, int kernelHeight, int kernelWidth, bool hasBias)
    {
        Guard.NotNull(name, nameof(name));
        Guard.Positive(outFeatures, "out");
        Guard.Positive(inFeatures, "in");
        Guard.Positive(kernelHeight, "kernel height");
        Guard.Positive(kernelWidth, "kernel width");
        long count = (long)outFeatures * inFeatures * kernelHeight * kernelWidth;
        if (count > Array.MaxLength)
            throw new EoiArgumentException("shape", $"shape out * in * kernel height * kernel width must be at most {Array.MaxLength}; got {count}");
        Name = name;
        Kind = kind;
        Out = outFeatures;
        In = inFeatures;
        KernelHeight = kernelHeight;
        KernelWidth = kernelWidth;
        HasBias = hasBias;
    }

    public static LayerSpec Linear(string name, int outFeatures, int inFeatures, bool hasBias = true) =>
        new(name, LayerKind.Linear, outFeatures, inFeatures, 1, 1, hasBias);

    public static LayerSpec Conv(string name, int outChannels, int inChannels, int kernelHeight, int kernelWidth, bool hasBias = true) =>
        new(name, LayerKind.Conv, outChannels, inChannels, kernelHeight, kernelWidth, hasBias);

    /// <summary>[out, in] or [out, in, kernel height, kernel width].</summary>
    public Shape Shape => Kind == LayerKind.Linear ? [Out, In] : [Out, In, KernelHeight, KernelWidth];

    /// <summary>Number of weights.</summary>
    public int Count => Out * In * KernelHeight * KernelWidth;

    /// <summary>Spatial taps per (out, in) pair: kernel height * kernel width (1 for a linear layer).</summary>
    public int Taps => KernelHeight * KernelWidth;

    /// <summary>Length of one output row of the weight flattened to out x (in * kh * kw): the dense fan-in.</summary>
    public int FanIn => In * Taps;

    /// <summary>A first convolution reading an RGB image (in = 3): the layer SAO and uni_skip keep dense
    /// (paper.md §3 step 2 and §4.2).</summary>
    public bool IsImageInputConv => Kind == LayerKind.Conv && In == 3;

    public override string ToString() => $"{Name} ({Kind} {string.Join(" x ", Shape)})";
}
