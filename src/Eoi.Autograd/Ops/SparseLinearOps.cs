namespace Eoi.Autograd;

/// <summary>
/// y = x W^T for a fixed-pattern sparse W held only as CSR values (<see cref="SparseParameter"/>); no dense
/// weight matrix exists anywhere. CSR products put the sparse matrix on the left, so the work happens with
/// the feature axis first: y^T = W x^T (SpMM), dx^T = W^T g^T (SpMM with the transposed structure), and
/// dW = g^T x restricted to the pattern (SDDMM), which is why the mask stays exactly where it was.
/// </summary>
public static class SparseLinearOps
{
    /// <param name="x">[batch, inFeatures]</param>
    /// <returns>[batch, outFeatures]; add a bias with <see cref="BiasOps.AddBias"/>.</returns>
    public static Tensor SparseLinear(this Tensor x, SparseParameter weight)
    {
        OpChecks.Rank(x, 2, nameof(x), "[batch, inFeatures]");
        Eoi.Core.Guard.NotNull(weight, nameof(weight));
        OpChecks.Compatible(weight.Values, x, nameof(x));
        OpChecks.Dimension(x.Shape[1], weight.InFeatures, nameof(x), "axis 1 equal to the weight's in features", x);
        int batch = x.Shape[0], inFeatures = weight.InFeatures, outFeatures = weight.OutFeatures;
        var backend = x.Backend;
        var values = weight.Values;
        var xT = x.NewLike([inFeatures, batch]);
        backend.Transpose(batch, inFeatures, x.Buffer, xT.Buffer);
        var y = x.NewLike([batch, outFeatures]);
        using (var yT = backend.Allocate(x.ElementType, outFeatures * batch))
        {
            backend.Spmm(weight.Structure, values.Buffer, batch, xT.Buffer, yT);
            backend.Transpose(outFeatures, batch, yT, y.Buffer);
        }
        y.Record(g =>
        {
            using var gT = backend.Allocate(x.ElementType, outFeatures * batch);
            backend.Transpose(batch, outFeatures, g.Buffer, gT);
            values.AccumulateGrad(dValues => backend.Sddmm(weight.Structure, batch, gT, xT.Buffer, dValues));
            x.AccumulateGrad(dx =>
            {
                // W^T's values are W's in another order: gathered per use, so the parameter keeps one array.
                using var transposedValues = backend.Allocate(x.ElementType, weight.NonZeros);
                backend.Gather(values.Buffer, weight.TransposeOrder, transposedValues);
                using var dxT = backend.Allocate(x.ElementType, inFeatures * batch);
                backend.Spmm(weight.TransposedStructure, transposedValues, batch, gT, dxT);
                backend.Transpose(inFeatures, batch, dxT, dx);
            });
        }, x, values);
        // Without a recorded graph nobody will read x^T again.
        if (!y.RequiresGrad) xT.Dispose();
        return y;
    }
}
