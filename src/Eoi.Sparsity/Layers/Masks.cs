using Eoi.Core;

namespace Eoi.Sparsity;

/// <summary>0/1 mask arrays (ElementType.Bool) in a layer's shape.</summary>
public static class Masks
{
    public static NdArray Full(LayerSpec layer)
    {
        var data = new double[layer.Count];
        Array.Fill(data, 1.0);
        return new NdArray(layer.Shape, ElementType.Bool, data);
    }

    public static NdArray FromFlags(LayerSpec layer, bool[] keep)
    {
        var data = new double[keep.Length];
        for (int p = 0; p < keep.Length; p++)
            if (keep[p]) data[p] = 1.0;
        return new NdArray(layer.Shape, ElementType.Bool, data);
    }

    /// <summary>values ⊙ mask, as a new float64 array of the layer's shape.</summary>
    public static NdArray Apply(NdArray values, NdArray mask)
    {
        var data = new double[values.Data.Length];
        for (int p = 0; p < data.Length; p++)
            if (mask.Data[p] != 0.0) data[p] = values.Data[p];
        return new NdArray(values.Shape, ElementType.Float64, data);
    }
}
