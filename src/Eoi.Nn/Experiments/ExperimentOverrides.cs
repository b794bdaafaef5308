using Eoi.Sparsity;

namespace Eoi.Nn.Experiments;

/// <summary>
/// Changes to a catalogue grid for a reduced (or differently sourced) run; null keeps the grid's own setting.
/// The reference arms stay: they are what the grid compares against.
/// </summary>
public sealed record ExperimentOverrides
{
    public IReadOnlyList<ulong>? Seeds { get; init; }
    public int? Epochs { get; init; }
    public IReadOnlyList<MaskMethodKind>? Masks { get; init; }
    public IReadOnlyList<InitScheme>? Schemes { get; init; }
    public IReadOnlyList<double>? Densities { get; init; }
    public int? AiIterations { get; init; }
    public string? Dataset { get; init; }
    public string? DataDirectory { get; init; }
    public int? Depth { get; init; }
    public int? Width { get; init; }
    public int? TrainExamples { get; init; }
    public int? TestExamples { get; init; }

    public ExperimentGrid ApplyTo(ExperimentGrid grid)
    {
        Core.Guard.NotNull(grid, nameof(grid));
        var run = grid.Base;
        var options = run.Init.Options;
        return grid with
        {
            Seeds = Seeds ?? grid.Seeds,
            Masks = Masks ?? grid.Masks,
            Schemes = Schemes ?? grid.Schemes,
            Densities = Densities ?? grid.Densities,
            Base = run with
            {
                Dataset = Dataset ?? run.Dataset,
                DataDirectory = DataDirectory ?? run.DataDirectory,
                Depth = Depth ?? run.Depth,
                Width = Width ?? run.Width,
                TrainExamples = TrainExamples ?? run.TrainExamples,
                TestExamples = TestExamples ?? run.TestExamples,
                Training = run.Training with { Epochs = Epochs ?? run.Training.Epochs },
                Init = run.Init with
                {
                    Options = options with
                    {
                        ApproximateIsometry = options.ApproximateIsometry with { Iterations = AiIterations ?? options.ApproximateIsometry.Iterations },
                    },
                },
            },
        };
    }
}
