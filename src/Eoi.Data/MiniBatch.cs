using Eoi.Core;

namespace Eoi.Data;

/// <summary>One mini-batch, copied into contiguous arrays: <see cref="Inputs"/> has shape
/// <see cref="Shape"/> = [Count, ..sample shape]; <see cref="Indices"/> says which dataset examples it holds.</summary>
public sealed record MiniBatch(float[] Inputs, int[] Labels, Shape Shape, int[] Indices)
{
    public int Count => Labels.Length;
}
