using Eoi.Checker;
using Eoi.Core;

namespace Eoi.Sparsity.Tests.Support;

/// <summary>Orthogonality errors of row-major matrices, through the checker's Gram computation.</summary>
public static class Orthogonality
{
    /// <summary>max |W W^T - gain^2 I| (rows &lt;= cols) or max |W^T W - gain^2 I| (rows > cols).</summary>
    public static double Error(ReadOnlySpan<double> w, int rows, int cols, double gain = 1.0) =>
        GramErrors.Orthogonality(GramErrors.ToCsr(w, rows, cols), gain).Max;

    /// <summary>The checker's verdict line of a rank-4 kernel, by name prefix.</summary>
    public static CheckItem KernelItem(NdArray kernel, string name, CheckOptions options) =>
        MatrixChecker.Check(kernel, options).Items.Single(i => i.Name.StartsWith(name, StringComparison.Ordinal));
}
