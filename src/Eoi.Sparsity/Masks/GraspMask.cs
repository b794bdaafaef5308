using Eoi.Core;
using Eoi.Orthogonal;
using Eoi.Random;

namespace Eoi.Sparsity;

/// <summary>
/// grasp_direct, GraSP_v2 (Wang et al. 2020; paper.md §3 step 2): score = -w ⊙ (H g) with g = dL/dw at the dense
/// weights and H the Hessian of the loss; the largest scores are removed globally, i.e. the round(d * total)
/// smallest are kept (ties broken uniformly from the key; the authors' "score &lt;= threshold" test also keeps
/// every tie at the threshold).
///
/// H g is a central finite difference of gradients, (dL/dw(w + eps g) - dL/dw(w - eps g)) / (2 eps), with
/// eps = relativeStep * ||w|| / ||g|| (global 2-norms; see <see cref="MaskMethodOptions.DefaultGraspRelativeStep"/>).
/// It is exact for a quadratic loss up to rounding. The authors differentiate g . stop_grad(g) a second time
/// instead; the temperature T = 200 on the logits belongs to the model's loss (<see cref="IScoreModel"/>).
/// </summary>
public sealed class GraspMask(IScoreModel model, double relativeStep = MaskMethodOptions.DefaultGraspRelativeStep) : IMaskMethod
{
    public MaskMethodKind Kind => MaskMethodKind.Grasp;

    public MaskSet Select(IReadOnlyList<LayerSpec> layers, IReadOnlyList<NdArray>? weights, double density, RngKey key)
    {
        MaskArguments.Check(layers, density);
        MaskArguments.CheckModel(model, layers);
        Guard.InRangeExclusiveMin(relativeStep, 0.0, 1.0, "grasp relative step");
        var w = MaskArguments.Weights(layers, weights, Kind);
        var hg = HessianGradient(model, layers, w, relativeStep);
        // Keeping the k smallest of -w ⊙ Hg is keeping the k largest of w ⊙ Hg.
        var keepScores = w.Select((wl, l) => wl.Select((x, p) => x * hg[l][p]).ToArray()).ToArray();
        long total = layers.Sum(l => (long)l.Count);
        return MaskArguments.ToMaskSet(layers, GlobalTopK.Keep(keepScores, DeltaOrthogonal.MaskTarget(density, total), key));
    }

    /// <summary>H g by the central difference above; all zeros when g = 0.</summary>
    public static double[][] HessianGradient(IScoreModel model, IReadOnlyList<LayerSpec> layers, double[][] weights, double relativeStep)
    {
        var g = MaskArguments.Gradients(model.LossGradients(weights), layers, "loss gradients");
        double gNorm = Norm(g), wNorm = Norm(weights);
        if (gNorm == 0.0) return g.Select(x => new double[x.Length]).ToArray();
        // An all-zero w still needs a step: use the gradient's own scale.
        double eps = relativeStep * (wNorm > 0 ? wNorm : gNorm) / gNorm;
        var plus = MaskArguments.Gradients(model.LossGradients(Shift(weights, g, eps)), layers, "loss gradients");
        var minus = MaskArguments.Gradients(model.LossGradients(Shift(weights, g, -eps)), layers, "loss gradients");
        return plus.Select((p, l) => p.Select((x, i) => (x - minus[l][i]) / (2.0 * eps)).ToArray()).ToArray();
    }

    static double[][] Shift(double[][] w, double[][] g, double step) =>
        w.Select((wl, l) => wl.Select((x, p) => x + step * g[l][p]).ToArray()).ToArray();

    static double Norm(double[][] arrays) => Math.Sqrt(arrays.Sum(a => a.Sum(x => x * x)));
}
