using Eoi.Core;

namespace Eoi.Checker;

/// <summary>Which <see cref="PrecisionModel"/> applies to an array, and the word for each.</summary>
public static class PrecisionModels
{
    /// <summary>The word that names <paramref name="model"/> in options, metadata and verdicts.</summary>
    public static string Word(PrecisionModel model) => model switch
    {
        PrecisionModel.Float64 => "float64",
        PrecisionModel.RoundedOnce => "rounded-once",
        _ => "float32",
    };

    /// <summary>
    /// The stated model, or the one the dtype implies when none is stated: float64 throughout for float64 values,
    /// float32 throughout for float32 values (the loosest model a float32 file can need). A float32 array
    /// cannot be float64 throughout and a float64 array cannot be float64 rounded to float32.
    /// </summary>
    public static PrecisionModel Resolve(ElementType dtype, PrecisionModel? stated)
    {
        var implied = dtype == ElementType.Float32 ? PrecisionModel.Float32 : PrecisionModel.Float64;
        if (stated is not PrecisionModel model)
            return implied;
        if (!Enum.IsDefined(model))
            throw new EoiArgumentException("computed-in", $"computed-in must be one of float64, rounded-once, float32; got {(int)model}");
        if (dtype == ElementType.Float32 && model == PrecisionModel.Float64)
            throw new EoiArgumentException("computed-in",
                "computed-in float64 needs float64 values, but the array is float32; float32 values made from float64 ones are rounded-once");
        if (dtype != ElementType.Float32 && model == PrecisionModel.RoundedOnce)
            throw new EoiArgumentException("computed-in", $"computed-in rounded-once needs float32 values, but the array is {dtype}");
        return model;
    }
}
