using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>
/// Approximate Isometry (AI; Lee et al., ICLR 2020), as the authors run it (paper.md §4.1): starting from the
/// masked dense init, minimise L = sum over layers of || V V^T - sigma_w^2 I ||_F (Frobenius norm, not squared)
/// by plain SGD, where V = M ⊙ W flattened to out x (in * kh * kw), and V^T V replaces V V^T when V has more
/// rows than columns. Only mask positions move; the others stay exactly 0.
///
/// Gradient (written out, no autograd): with E = V V^T - s^2 I (symmetric) and f = ||E||_F,
/// d(f^2) = 2 tr(E dE) = 4 tr(V^T E dV), so df/dV = 2 E V / f; for the tall case E = V^T V - s^2 I and
/// df/dV = 2 V E / f. At f = 0 the norm has no gradient and the layer stays put. The tall case is the wide one
/// on V^T, so each layer is worked on in its wide orientation (r = min side, c = max side).
/// Because the norm is not squared, its gradient does not shrink near the minimum (|df/dV| = 2 |E V| / |E|, about
/// 2 sigma_w for a near-isometry), so SGD at a fixed rate settles within O(lr) of an isometry instead of converging
/// to one: AI is approximate by construction, which is the contrast with EOI the paper draws (§7 claim 1).
///
/// The authors optimise all layers jointly, but L is a sum of per-layer terms over disjoint weights, so one SGD
/// step on L is one independent step per layer: layers run in parallel with identical results.
/// Cost per step: sum over columns j of nnz(V[:, j])^2 (Gram and gradient restricted to the mask) plus r^2.
/// </summary>
public static class ApproximateIsometry
{
    public static ApproximateIsometryResult Run(IReadOnlyList<LayerInit> layers, double gain, ApproximateIsometryOptions options)
    {
        Guard.NotNull(layers, nameof(layers));
        Guard.PositiveFinite(gain, nameof(gain));
        Guard.NotNull(options, nameof(options));
        options.Validate();
        var results = new LayerInit[layers.Count];
        var initial = new double[layers.Count];
        var final = new double[layers.Count];
        ParallelLayers.For(layers.Count, l =>
        {
            var problem = new WideProblem(layers[l], gain);
            initial[l] = problem.Loss();
            for (int step = 0; step < options.Iterations; step++)
                problem.Step(options.LearningRate);
            final[l] = problem.Loss();
            results[l] = problem.ToLayerInit(layers[l]);
        });
        return new ApproximateIsometryResult(results, initial.Sum(), final.Sum());
    }

    /// <summary>|| V V^T - gain^2 I ||_F of one layer (V^T V when V is tall).</summary>
    public static double Loss(LayerInit layer, double gain)
    {
        Guard.NotNull(layer, nameof(layer));
        return new WideProblem(layer, gain).Loss();
    }

    /// <summary>dL/dW of one layer in its own shape, zero outside the mask.</summary>
    public static NdArray Gradient(LayerInit layer, double gain)
    {
        Guard.NotNull(layer, nameof(layer));
        var problem = new WideProblem(layer, gain);
        return problem.GradientInLayerShape(layer);
    }

    /// <summary>One layer in its wide orientation: r x c values (r &lt;= c) with the masked positions per column.</summary>
    sealed class WideProblem
    {
        readonly int _r, _c;
        readonly bool _transposed;
        readonly double _target;
        readonly double[] _v;
        // Column j's masked rows are _rows[_start[j] .. _start[j + 1]); _flat holds their indices in _v.
        readonly int[] _start, _rows, _flat;

        public WideProblem(LayerInit layer, double gain)
        {
            int rows = layer.Layer.Out, cols = layer.Layer.FanIn;
            _transposed = rows > cols;
            (_r, _c) = _transposed ? (cols, rows) : (rows, cols);
            _target = gain * gain;
            _v = new double[_r * _c];
            var masked = new List<(int Row, int Col)>();
            for (int a = 0; a < rows; a++)
                for (int b = 0; b < cols; b++)
                {
                    int p = a * cols + b;
                    if (layer.Mask.Data[p] == 0.0) continue;
                    var (i, j) = _transposed ? (b, a) : (a, b);
                    _v[i * _c + j] = layer.Values.Data[p];
                    masked.Add((i, j));
                }
            _start = new int[_c + 1];
            foreach (var (_, j) in masked) _start[j + 1]++;
            for (int j = 0; j < _c; j++) _start[j + 1] += _start[j];
            var next = (int[])_start[.._c].Clone();
            _rows = new int[masked.Count];
            _flat = new int[masked.Count];
            foreach (var (i, j) in masked.OrderBy(m => m.Row))
            {
                int slot = next[j]++;
                _rows[slot] = i;
                _flat[slot] = i * _c + j;
            }
        }

        /// <summary>E = V V^T - target I (r x r) and f = ||E||_F.</summary>
        (double[] E, double F) Residual()
        {
            var e = new double[_r * _r];
            for (int j = 0; j < _c; j++)
                for (int p = _start[j]; p < _start[j + 1]; p++)
                {
                    double vp = _v[_flat[p]];
                    int row = _rows[p] * _r;
                    for (int q = _start[j]; q < _start[j + 1]; q++)
                        e[row + _rows[q]] += vp * _v[_flat[q]];
                }
            double sum = 0;
            for (int i = 0; i < _r; i++) e[i * _r + i] -= _target;
            foreach (double x in e) sum += x * x;
            return (e, Math.Sqrt(sum));
        }

        public double Loss() => Residual().F;

        /// <summary>df/dV at the masked positions, aligned with _flat: 2 (E V)_{ij} / f.</summary>
        double[] MaskedGradient()
        {
            var (e, f) = Residual();
            var g = new double[_flat.Length];
            if (f == 0.0) return g;
            for (int j = 0; j < _c; j++)
                for (int p = _start[j]; p < _start[j + 1]; p++)
                {
                    int row = _rows[p] * _r;
                    double sum = 0;
                    for (int q = _start[j]; q < _start[j + 1]; q++)
                        sum += e[row + _rows[q]] * _v[_flat[q]];
                    g[p] = 2.0 * sum / f;
                }
            return g;
        }

        public void Step(double learningRate)
        {
            var g = MaskedGradient();
            for (int p = 0; p < g.Length; p++) _v[_flat[p]] -= learningRate * g[p];
        }

        public NdArray GradientInLayerShape(LayerInit layer)
        {
            var wide = new double[_v.Length];
            var g = MaskedGradient();
            for (int p = 0; p < g.Length; p++) wide[_flat[p]] = g[p];
            return new NdArray(layer.Layer.Shape, ElementType.Float64, ToLayerOrder(wide));
        }

        public LayerInit ToLayerInit(LayerInit original) =>
            new(original.Layer, new NdArray(original.Layer.Shape, ElementType.Float64, ToLayerOrder(_v)), original.Mask, original.Bias);

        double[] ToLayerOrder(double[] wide) => _transposed ? DenseMatrix.Transpose(wide, _r, _c) : (double[])wide.Clone();
    }
}
