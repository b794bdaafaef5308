
namespace Eoi.Autograd;

/// <summary>
/// y = x W^T for a fixed-pattern sparse W held only as CSR values (<see cref="SparseParameter"/>); no dense
/// weight matrix exists anywhere. CSR products put the sparse matrix on the left and run vectorised along
/// the dense operand's rows, so the work happens feature-major, activations as [features, batch]:
/// y^T = W x^T (SpMM), dx^T = W^T g^T (SpMM with the transposed structure), and dW = g^T x restricted to the
/// pattern (SDDMM), which is why the mask stays exactly where it was. A stack of sparse layers keeps its
/// activations feature-major throughout (<see cref="SparseLinearFeatureMajor"/>) and transposes once at each
/// end; a single layer on [batch, features] pays two transposes each way (<see cref="SparseLinear"/>).
/// </summary>
public static class SparseLinearOps
{
    /// <param name="x">[batch, inFeatures]</param>
    /// <param name="weight">The [outFeatures, inFeatures] CSR weight.</param>
    /// <returns>[batch, outFeatures]; add a bias with <see cref="BiasOps.AddBias"/>.</returns>
    public static Tensor SparseLinear(this Tensor x, SparseParameter weight)
    {
        OpChecks.Rank(x, 2, nameof(x), "[batch, inFeatures]");
        Eoi.Core.Guard.NotNull(weight, nameof(weight));
        OpChecks.Dimension(x.Shape[1], weight.InFeatures, nameof(x), "axis 1 equal to the weight's in features", x);
        return x.Transpose().SparseLinearFeatureMajor(weight).Transpose();
    }

    /// <param name="xT">[inFeatures, batch]: the input, feature-major.</param>
    /// <param name="weight">The [outFeatures, inFeatures] CSR weight.</param>
    /// <returns>[outFeatures, batch]; add a bias with <c>AddBias(b, axis: 0)</c>.</returns>
    public static Tensor SparseLinearFeatureMajor(this Tensor xT, SparseParameter weight)
    {
        OpChecks.Rank(xT, 2, nameof(xT), "[inFeatures, batch]");
        Eoi.Core.Guard.NotNull(weight, nameof(weight));
        OpChecks.Compatible(weight.Values, xT, nameof(xT));
        OpChecks.Dimension(xT.Shape[0], weight.InFeatures, nameof(xT), "axis 0 equal to the weight's in features", xT);
        int batch = xT.Shape[1];
        var backend = xT.Backend;
        var values = weight.Values;
        var yT = xT.NewLike([weight.OutFeatures, batch]);
        backend.Spmm(weight.Structure, values.Buffer, batch, xT.Buffer, yT.Buffer);
        return yT.Record(gT =>
        {
            values.AccumulateGrad(dValues => backend.Sddmm(weight.Structure, batch, gT.Buffer, xT.Buffer, dValues));
            xT.AccumulateGrad(dxT =>
            {
                // W^T's values are W's in another order: gathered per use, so the parameter keeps one array.
                using var transposedValues = backend.Allocate(xT.ElementType, weight.NonZeros);
                backend.Gather(values.Buffer, weight.TransposeOrder, transposedValues);
                backend.Spmm(weight.TransposedStructure, transposedValues, batch, gT.Buffer, dxT);
            });
        }, xT, values);
    }
}
