namespace Eoi.Sparsity;

/// <summary>The mask methods of paper.md §3 step 2 (the authors' spec names in brackets).</summary>
public enum MaskMethodKind
{
    /// <summary>Bernoulli(d) per entry [uniform].</summary>
    Uniform,
    /// <summary>Erdős–Rényi-Kernel layer densities, Bernoulli positions [erk].</summary>
    Erk,
    /// <summary>SNIP, |g ⊙ w|, one global top-k [snip_direct].</summary>
    Snip,
    /// <summary>GraSP_v2, -w ⊙ Hg, the largest scores removed globally [grasp_direct].</summary>
    Grasp,
    /// <summary>Iterative SynFlow, exponential schedule, global scope [synflow_direct].</summary>
    SynFlow,
    /// <summary>Exact-count uniform per layer, image-input conv and non-square linear layers dense [uni_skip].</summary>
    UniformSkipFirstLast,
}
