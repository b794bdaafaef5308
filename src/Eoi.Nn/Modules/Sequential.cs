using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Nn.Modules;

/// <summary>Modules applied one after another; child i is named "i".</summary>
public sealed class Sequential : Module
{
    readonly Module[] modules;

    public Sequential(IEnumerable<Module> modules)
    {
        Guard.NotNull(modules, nameof(modules));
        this.modules = [.. modules];
    }

    public IReadOnlyList<Module> Modules => modules;

    public override Tensor Forward(Tensor x)
    {
        foreach (var module in modules) x = module.Forward(x);
        return x;
    }

    public override IEnumerable<(string Name, Module Module)> Children =>
        modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m));
}
