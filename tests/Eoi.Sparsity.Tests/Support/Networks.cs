namespace Eoi.Sparsity.Tests.Support;

/// <summary>Small layer lists shared by the tests.</summary>
public static class Networks
{
    /// <summary>An image-input conv, a square conv, a strided-style widening conv, then a square and a last linear layer.</summary>
    public static LayerSpec[] SmallCnn() =>
    [
        LayerSpec.Conv("conv0", 8, 3, 3, 3),
        LayerSpec.Conv("conv1", 8, 8, 3, 3),
        LayerSpec.Conv("conv2", 16, 8, 3, 3),
        LayerSpec.Linear("fc0", 16, 16),
        LayerSpec.Linear("fc1", 10, 16),
    ];

    /// <summary>The 1000-layer MLP of paper.md §6.3: 784 -> 128, 998 x (128 -> 128), 128 -> 10.</summary>
    public static LayerSpec[] ThousandLayerMlp() =>
        [LayerSpec.Linear("first", 128, 784), .. Enumerable.Range(0, 998).Select(i => LayerSpec.Linear($"hidden{i}", 128, 128)), LayerSpec.Linear("last", 10, 128)];

    /// <summary>Values as flat arrays, for IScoreModel calls.</summary>
    public static double[][] Data(IEnumerable<Eoi.Core.NdArray> arrays) => arrays.Select(a => a.Data.ToArray()).ToArray();
}
