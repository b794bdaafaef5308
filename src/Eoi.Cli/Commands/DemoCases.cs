using Eoi.Core;
using Eoi.Oracle;
using Eoi.Orthogonal;

namespace Eoi.Cli.Commands;

/// <summary>The layers <c>eoi demo</c> makes: the README's main job, small enough to take a moment.</summary>
static class DemoCases
{
    public const double Density = 0.1;

    public static IReadOnlyList<(string Name, LayerRequest Request)> All { get; } =
    [
        ("linear-100x784", Linear(100, 784, seed: 1)),
        ("linear-784x100", Linear(784, 100, seed: 2)),
        ("conv-64x32x3x3", new LayerRequest(LayerKind.Conv, 64, 32, Density, 3, 1.0, StoppingRule.Paper, new KernelSize(3, 3),
                                            CentreDensityRule.Plain, ElementType.Float64)),
    ];

    static LayerRequest Linear(int rows, int cols, ulong seed) =>
        new(LayerKind.Linear, rows, cols, Density, seed, 1.0, StoppingRule.Paper, KernelSize.Matrix, CentreDensityRule.Plain, ElementType.Float64);
}
