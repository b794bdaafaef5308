namespace Eoi.Sparsity;

/// <summary>The dense init the masks are chosen on (the authors' init_type; paper.md §3 step 1 and §4.3).</summary>
public enum DenseInitKind
{
    /// <summary>"orthogonal" / "conv_orthogonal": orthogonal_ on linear layers, Xiao's block orthogonal on convs.</summary>
    Orthogonal,
    /// <summary>"delta_orthogonal": a dense orthogonal matrix at the centre tap.</summary>
    DeltaOrthogonal,
    /// <summary>Kaiming fan-in (normal or uniform; PyTorch's "default" is uniform with gain 1/sqrt(3)).</summary>
    Kaiming,
    /// <summary>Kaiming with each row's fan-in its mask count ("sparse_fan_in"); dense layers get plain Kaiming.</summary>
    SparseScaledKaiming,
}
