using Eoi.Core;
using Eoi.Random;

namespace Eoi.Data;

/// <summary>
/// Seeded permutations from the project RNG (docs/SPEC.md §1), so a shuffle is reproducible from the seed
/// alone, in any language: start from the identity 0..n-1, then for i = n-1 down to 1 draw
/// j = NextBelow(i + 1) from RandomStream(key) and swap positions i and j (Durstenfeld's Fisher–Yates).
/// </summary>
public static class Shuffle
{
    public static int[] Permutation(int count, RngKey key)
    {
        Guard.InRange(count, 0, int.MaxValue, nameof(count));
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        var stream = new RandomStream(key);
        for (int i = count - 1; i > 0; i--)
        {
            int j = (int)stream.NextBelow((uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
