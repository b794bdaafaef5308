using System.Buffers.Binary;

namespace Eoi.Cli.Tests;

/// <summary>Hand edits of a little-endian .npy file's data, without going through any reader or writer.
/// The data is the last <c>count * size</c> bytes of the file.</summary>
sealed class NpyBytes(string path, int count, int elementSize)
{
    readonly byte[] _bytes = File.ReadAllBytes(path);

    int Offset(int index) => _bytes.Length - (count - index) * elementSize;

    public double this[int index]
    {
        get => elementSize == 8
            ? BinaryPrimitives.ReadDoubleLittleEndian(_bytes.AsSpan(Offset(index)))
            : BinaryPrimitives.ReadSingleLittleEndian(_bytes.AsSpan(Offset(index)));
        set
        {
            if (elementSize == 8)
                BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(Offset(index)), value);
            else
                BinaryPrimitives.WriteSingleLittleEndian(_bytes.AsSpan(Offset(index)), (float)value);
        }
    }

    /// <summary>The entry of largest magnitude: changing it moves W W^T the most.</summary>
    public int LargestEntry() => Enumerable.Range(0, count).MaxBy(i => Math.Abs(this[i]));

    public void Save() => File.WriteAllBytes(path, _bytes);
}
