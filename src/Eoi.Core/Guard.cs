using System.Globalization;

namespace Eoi.Core;

/// <summary>Argument checks that produce the project's one error shape: parameter, allowed range, value.</summary>
public static class Guard
{
    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Throws unless <paramref name="value"/> >= 1.</summary>
    public static void Positive(int value, string name)
    {
        if (value <= 0)
            throw new EoiArgumentException(name, $"{name} must be a positive integer (>= 1); got {value}");
    }

    /// <summary>Throws unless <paramref name="value"/> is in the closed interval [min, max].</summary>
    public static void InRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
            throw new EoiArgumentException(name, $"{name} must be in [{min}, {max}]; got {value}");
    }

    /// <summary>Closed interval [min, max]; NaN is always rejected.</summary>
    public static void InRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new EoiArgumentException(name, $"{name} must be in [{F(min)}, {F(max)}]; got {F(value)}");
    }

    /// <summary>Half-open interval (min, max]; NaN is always rejected.</summary>
    public static void InRangeExclusiveMin(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value <= min || value > max)
            throw new EoiArgumentException(name, $"{name} must be in ({F(min)}, {F(max)}]; got {F(value)}");
    }

    /// <summary>Throws for NaN and infinities.</summary>
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
            throw new EoiArgumentException(name, $"{name} must be a finite number; got {F(value)}");
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and > 0.</summary>
    public static void PositiveFinite(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
            throw new EoiArgumentException(name, $"{name} must be a finite number > 0; got {F(value)}");
    }

    /// <summary>Throws for null, naming <paramref name="name"/>.</summary>
    public static void NotNull(object? value, string name)
    {
        if (value is null)
            throw new EoiArgumentException(name, $"{name} must not be null");
    }
}
