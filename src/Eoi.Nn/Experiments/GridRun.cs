using System.Globalization;

namespace Eoi.Nn.Experiments;

/// <summary>One run of a grid: a cell and a seed, at its place <see cref="Number"/> (from 1) in the grid's fixed order.</summary>
public sealed record GridRun(int Number, ExperimentCell Cell, ulong Seed)
{
    /// <summary>The run's folder under runs/, e.g. "tanh-d-0.1-uniform-eoi-seed1": unique in the grid and the same in
    /// every grid that holds this cell and seed (so shards, reruns and grids over other seed lists name it alike).</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Slug(Cell.Label)}-seed{Seed}");

    static string Slug(string label) =>
        new([.. label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')]);
}
