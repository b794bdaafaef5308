using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>Builds a mask method from its kind; the data-driven ones need the network as an <see cref="IScoreModel"/>.</summary>
public static class MaskMethods
{
    public static IMaskMethod Create(MaskMethodKind kind, IScoreModel? model = null, MaskMethodOptions? options = null)
    {
        options ??= new MaskMethodOptions();
        options.Validate();
        return kind switch
        {
            MaskMethodKind.Uniform => new UniformMask(),
            MaskMethodKind.Erk => new ErkMask(),
            MaskMethodKind.Snip => new SnipMask(RequireModel(model, kind)),
            MaskMethodKind.Grasp => new GraspMask(RequireModel(model, kind), options.GraspRelativeStep),
            MaskMethodKind.SynFlow => new SynFlowMask(RequireModel(model, kind), options.SynFlowIterations),
            MaskMethodKind.UniformSkipFirstLast => new UniformSkipFirstLastMask(),
            _ => throw new EoiArgumentException(nameof(kind), $"kind must be one of {string.Join(", ", Enum.GetNames<MaskMethodKind>())}; got {(int)kind}"),
        };
    }

    static IScoreModel RequireModel(IScoreModel? model, MaskMethodKind kind) =>
        model ?? throw new EoiArgumentException(nameof(model), $"model must be given for the data-driven mask method {kind}");
}
