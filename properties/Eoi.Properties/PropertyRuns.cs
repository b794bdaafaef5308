using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Properties;

/// <summary>
/// How many cases each property tries, from EOI_PROPERTY_RUNS (default 25), and the one way properties are run
/// here: Prop.ForAll inside a [Fact], checked with a config that throws on the first counterexample, so a
/// failing property fails its test with FsCheck's report (seed included, for replay).
/// </summary>
public static class PropertyRuns
{
    public const string Variable = "EOI_PROPERTY_RUNS";
    public const int Default = 25;

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out int runs) && runs > 0 ? runs : Default;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Count).WithQuietOnSuccess(true);

    /// <summary>Checks <paramref name="property"/> on <see cref="Count"/> cases drawn from <paramref name="cases"/>.</summary>
    public static void Check<T>(Arbitrary<T> cases, Action<T> property) =>
        Prop.ForAll(cases, property).Check(Config);
}
