using System.Globalization;

namespace Eoi.Cli.Terminal;

/// <summary>How numbers look on screen: invariant culture everywhere, so output is the same on every machine.</summary>
static class Numbers
{
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => fraction.ToString("P3", CultureInfo.InvariantCulture);

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
