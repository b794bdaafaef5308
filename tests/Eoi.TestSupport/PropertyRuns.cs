using FsCheck;
using FsCheck.Fluent;

namespace Eoi.TestSupport;

/// <summary>
/// The one reader of EOI_PROPERTY_RUNS, the number of cases each FsCheck property tries in every test project
/// (default <see cref="Default"/>), and the one way properties are checked: with a configuration that throws on
/// the first counterexample, so a failing property fails its test with FsCheck's report (seed included, for
/// replay), and prints nothing when it holds.
/// </summary>
public static class PropertyRuns
{
    public const string Variable = "EOI_PROPERTY_RUNS";

    /// <summary>Cases per property when <see cref="Variable"/> is unset or not a positive integer: enough to find
    /// shape and boundary mistakes, few enough that every property project runs in seconds; CI or a
    /// long soak sets the variable higher.</summary>
    public const int Default = 25;

    public static int Count =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out int runs) && runs > 0 ? runs : Default;

    public static Config Config => Config.QuickThrowOnFailure.WithMaxTest(Count).WithQuietOnSuccess(true);

    /// <summary>Checks <paramref name="property"/> on <see cref="Count"/> cases drawn from <paramref name="cases"/>.</summary>
    public static void Check<T>(Arbitrary<T> cases, Action<T> property) =>
        Prop.ForAll(cases, property).Check(Config);
}
