using Eoi.Backends;
using Eoi.Core;

namespace Eoi.Autograd;

/// <summary>
/// Sums and means over every element or over chosen axes, and broadcasting size-1 axes out (their adjoint).
/// The axes involved fall into runs of consecutive axes; each run is one call of the backend's
/// <see cref="IBackend.SumAxis"/> (or <see cref="IBackend.BroadcastAxis"/>) on the buffer seen as
/// [before, run, after], so nothing leaves the device. A mean's 1/count is applied, in double, by the last sum.
/// </summary>
public static class ReductionOps
{
    /// <summary>The sum of every element, as a one-element (scalar-shaped) tensor.</summary>
    public static Tensor Sum(this Tensor x) => Reduce(x, AllAxes(x), keepDimensions: false, mean: false);

    /// <summary>The mean of every element, as a one-element (scalar-shaped) tensor.</summary>
    public static Tensor Mean(this Tensor x) => Reduce(x, AllAxes(x), keepDimensions: false, mean: true);

    /// <summary>Sums over <paramref name="axes"/> (distinct, in [0, rank)); they are dropped from the shape, or
    /// kept with size 1.</summary>
    public static Tensor Sum(this Tensor x, int[] axes, bool keepDimensions = false) => Reduce(x, axes, keepDimensions, mean: false);

    /// <summary>Means over <paramref name="axes"/>, like <see cref="Sum(Tensor, int[], bool)"/>.</summary>
    public static Tensor Mean(this Tensor x, int[] axes, bool keepDimensions = false) => Reduce(x, axes, keepDimensions, mean: true);

    /// <summary>x repeated along its size-1 axes to <paramref name="shape"/>, which has x's rank and x's sizes
    /// except where x has 1 (NumPy's rule for equal ranks). Its gradient sums over those axes.</summary>
    public static Tensor BroadcastTo(this Tensor x, Shape shape)
    {
        Guard.NotNull(x, nameof(x));
        if (shape.Rank != x.Shape.Rank)
            throw new EoiArgumentException(nameof(shape), $"shape must have the rank of x {x.Shape} ({x.Shape.Rank}); got {shape}");
        var expanded = new bool[shape.Rank];
        for (int a = 0; a < shape.Rank; a++)
        {
            if (x.Shape[a] == shape[a]) continue;
            if (x.Shape[a] != 1)
                throw new EoiArgumentException(nameof(shape), $"shape {shape} must equal x's {x.Shape} wherever x's axis is not 1; axis {a} differs");
            expanded[a] = true;
        }
        var y = x.NewLike(shape);
        BroadcastRuns(x.Backend, shape, expanded, 1, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => SumRuns(x.Backend, shape, expanded, 1, g.Buffer, dx)), x);
    }

    static Tensor Reduce(Tensor x, int[] axes, bool keepDimensions, bool mean)
    {
        Guard.NotNull(x, nameof(x));
        Guard.NotNull(axes, nameof(axes));
        var reduced = new bool[x.Shape.Rank];
        foreach (int axis in axes)
        {
            if (axis < 0 || axis >= x.Shape.Rank)
                throw new EoiArgumentException(nameof(axes), $"axes must lie in [0, {x.Shape.Rank - 1}] for x of shape {x.Shape}; got {axis}");
            if (reduced[axis])
                throw new EoiArgumentException(nameof(axes), $"axes must be distinct; got axis {axis} twice");
            reduced[axis] = true;
        }
        int count = 1;
        var kept = new List<int>();
        for (int a = 0; a < x.Shape.Rank; a++)
        {
            if (reduced[a]) count *= x.Shape[a];
            if (!reduced[a]) kept.Add(x.Shape[a]);
            else if (keepDimensions) kept.Add(1);
        }
        if (mean) Guard.Positive(count, "number of elements averaged");
        double scale = mean ? 1.0 / count : 1;
        var y = x.NewLike(new Shape([.. kept]));
        SumRuns(x.Backend, x.Shape, reduced, scale, x.Buffer, y.Buffer);
        return y.Record(g => x.AccumulateGrad(dx => BroadcastRuns(x.Backend, x.Shape, reduced, scale, g.Buffer, dx)), x);
    }

    static int[] AllAxes(Tensor x)
    {
        Guard.NotNull(x, nameof(x));
        return [.. Enumerable.Range(0, x.Shape.Rank)];
    }

    /// <summary>destination = scale * source summed over the marked axes of <paramref name="shape"/>, one run at a time.</summary>
    static void SumRuns(IBackend backend, Shape shape, bool[] marked, double scale, DeviceBuffer source, DeviceBuffer destination)
    {
        var dims = shape.Dimensions.ToArray();
        var runs = Runs(marked);
        if (runs.Count == 0)
        {
            backend.Scale(scale, source, destination);
            return;
        }
        var current = source;
        for (int k = 0; k < runs.Count; k++)
        {
            var layout = Layout(dims, runs[k], shape);
            bool last = k == runs.Count - 1;
            var next = last ? destination : backend.Allocate(source.ElementType, layout.ReducedLength);
            backend.SumAxis(layout, last ? scale : 1, current, next);
            if (!ReferenceEquals(current, source)) current.Dispose();
            for (int a = runs[k].Start; a < runs[k].End; a++) dims[a] = 1;
            current = next;
        }
    }

    /// <summary>destination = scale * source repeated along the marked axes of <paramref name="shape"/>, where
    /// source has size 1; the adjoint of <see cref="SumRuns"/>.</summary>
    static void BroadcastRuns(IBackend backend, Shape shape, bool[] marked, double scale, DeviceBuffer source, DeviceBuffer destination)
    {
        var dims = shape.Dimensions.ToArray();
        for (int a = 0; a < dims.Length; a++)
            if (marked[a]) dims[a] = 1;
        var runs = Runs(marked);
        if (runs.Count == 0)
        {
            backend.Scale(scale, source, destination);
            return;
        }
        var current = source;
        for (int k = 0; k < runs.Count; k++)
        {
            var layout = Layout(dims, runs[k], shape);
            bool last = k == runs.Count - 1;
            var next = last ? destination : backend.Allocate(source.ElementType, layout.Length);
            backend.BroadcastAxis(layout, k == 0 ? scale : 1, current, next);
            if (!ReferenceEquals(current, source)) current.Dispose();
            for (int a = runs[k].Start; a < runs[k].End; a++) dims[a] = shape[a];
            current = next;
        }
    }

    /// <summary>The buffer of current sizes <paramref name="dims"/> as [before, run, after], the run at its full sizes.</summary>
    static ReductionLayout Layout(int[] dims, (int Start, int End) run, Shape shape)
    {
        int before = 1, across = 1, after = 1;
        for (int a = 0; a < run.Start; a++) before *= dims[a];
        for (int a = run.Start; a < run.End; a++) across *= shape[a];
        for (int a = run.End; a < dims.Length; a++) after *= dims[a];
        return new ReductionLayout(before, across, after);
    }

    /// <summary>The maximal runs [Start, End) of consecutive marked axes, in axis order.</summary>
    static List<(int Start, int End)> Runs(bool[] marked)
    {
        var runs = new List<(int, int)>();
        for (int a = 0; a < marked.Length; a++)
        {
            if (!marked[a]) continue;
            int start = a;
            while (a + 1 < marked.Length && marked[a + 1]) a++;
            runs.Add((start, a + 1));
        }
        return runs;
    }
}
