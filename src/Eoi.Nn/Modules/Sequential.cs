using Eoi.Autograd;
using Eoi.Core;

namespace Eoi.Nn.Modules;

/// <summary>Modules applied one after another; child i is named "i" unless given names.</summary>
public sealed class Sequential : Module
{
    readonly (string Name, Module Module)[] children;

    public Sequential(IEnumerable<Module> modules)
        : this(Named(modules))
    {
    }

    /// <param name="children">The modules in forward order with their names, unique and free of '.' (the
    /// separator of parameter paths).</param>
    public Sequential(IEnumerable<(string Name, Module Module)> children)
    {
        Guard.NotNull(children, nameof(children));
        this.children = [.. children];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, module) in this.children)
        {
            Guard.NotNull(module, nameof(children));
            if (string.IsNullOrEmpty(name) || name.Contains('.', StringComparison.Ordinal) || !seen.Add(name))
                throw new EoiArgumentException(nameof(children), $"child names must be non-empty, unique and without '.'; got \"{name}\"");
        }
    }

    public override Tensor Forward(Tensor x)
    {
        foreach (var (_, module) in children) x = module.Forward(x);
        return x;
    }

    public override IEnumerable<(string Name, Module Module)> Children => children;

    static IEnumerable<(string, Module)> Named(IEnumerable<Module> modules)
    {
        Guard.NotNull(modules, nameof(modules));
        return modules.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m));
    }
}
