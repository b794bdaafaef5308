using Eoi.Core;

namespace Eoi.Orthogonal;

/// <summary>
/// A materialised EOI matrix: W = gain * A in float64, stored sparse on the plan's structural support
/// (a position of the support may hold an exact 0.0 only by a measure-zero accident of the angles).
/// </summary>
public sealed class EoiMatrix
{
    /// <summary>The rotations that made it, replayable.</summary>
    public RotationPlan Plan { get; }
    /// <summary>The factor g every entry carries, so W Wᵀ (or Wᵀ W) = g² I.</summary>
    public double Gain { get; }
    /// <summary>The float64 values on the plan's support, row-major CSR.</summary>
    public CsrMatrix Weights { get; }

    internal EoiMatrix(RotationPlan plan, double gain, CsrMatrix weights)
    {
        Plan = plan;
        Gain = gain;
        Weights = weights;
    }

    /// <summary>Rows of the matrix.</summary>
    public int Rows => Plan.Rows;
    /// <summary>Columns of the matrix.</summary>
    public int Cols => Plan.Cols;

    /// <summary>Dense row-major float64 values.</summary>
    public NdArray ToDense() => Weights.ToDense(ElementType.Float64);

    /// <summary>Dense float32 values: each float64 entry rounded to nearest.</summary>
    public NdArray ToDenseFloat32() => Weights.ToDense(ElementType.Float32);

    /// <summary>The structural mask as a dense 0/1 array.</summary>
    public NdArray MaskToDense() => Plan.Support.ToDenseMask();
}
