using Eoi.Core;

namespace Eoi.Data;

/// <summary>Rejects labels outside 0..classCount-1 while the file they came from is still known, so the
/// error can name it.</summary>
static class LabelCheck
{
    public static void InRange(ReadOnlySpan<byte> labels, int classCount, string source)
    {
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] >= classCount)
                throw new EoiFormatException(source, $"label {labels[i]} at index {i} is outside 0..{classCount - 1}");
    }
}
