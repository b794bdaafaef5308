using System.Buffers.Binary;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// Converts between <see cref="NdArray"/> values and the raw element bytes of the binary formats. Works in
/// fixed-size chunks so that neither direction ever holds a second full-size copy of the array.
/// </summary>
static class ElementCodec
{
    const int ChunkBytes = 1 << 16; // a multiple of every element size

    public static int Size(ElementEncoding encoding) => encoding switch
    {
        ElementEncoding.Float32Little or ElementEncoding.Float32Big => 4,
        ElementEncoding.Float64Little or ElementEncoding.Float64Big => 8,
        _ => 1,
    };

    public static ElementType ElementTypeOf(ElementEncoding encoding) => encoding switch
    {
        ElementEncoding.Float32Little or ElementEncoding.Float32Big => ElementType.Float32,
        ElementEncoding.Float64Little or ElementEncoding.Float64Big => ElementType.Float64,
        _ => ElementType.Bool,
    };

    /// <summary>The little-endian encoding every writer uses for <paramref name="dtype"/>.</summary>
    public static ElementEncoding ForWriting(ElementType dtype) => dtype switch
    {
        ElementType.Float32 => ElementEncoding.Float32Little,
        ElementType.Float64 => ElementEncoding.Float64Little,
        _ => ElementEncoding.Byte01,
    };

    /// <summary>Reads <paramref name="count"/> elements at the file's current position. The caller has
    /// already checked that the bytes exist; <paramref name="what"/> names the data in error messages.</summary>
    public static double[] Read(InputFile file, ElementEncoding encoding, long count, string what)
    {
        int size = Size(encoding);
        var values = new double[count];
        var chunk = new byte[(int)Math.Min(ChunkBytes, Math.Max(count * size, 1))];
        long index = 0;
        while (index < count)
        {
            int elements = (int)Math.Min(count - index, chunk.Length / size);
            Span<byte> bytes = chunk.AsSpan(0, elements * size);
            file.Stream.ReadExactly(bytes);
            for (int k = 0; k < elements; k++, index++)
                values[index] = Decode(bytes.Slice(k * size, size), encoding, file, index, what);
        }
        return values;
    }

    /// <summary>Writes every element of <paramref name="array"/> little-endian in its own dtype.</summary>
    public static void Write(Stream stream, NdArray array)
    {
        int size = Size(ForWriting(array.ElementType));
        var chunk = new byte[ChunkBytes];
        int used = 0;
        var data = array.Data;
        for (int index = 0; index < data.Length; index++)
        {
            if (used == chunk.Length)
            {
                stream.Write(chunk, 0, used);
                used = 0;
            }
            Encode(data[index], array.ElementType, chunk.AsSpan(used, size), index);
            used += size;
        }
        stream.Write(chunk, 0, used);
    }

    static double Decode(ReadOnlySpan<byte> bytes, ElementEncoding encoding, InputFile file, long index, string what)
    {
        switch (encoding)
        {
            case ElementEncoding.Float32Little: return BinaryPrimitives.ReadSingleLittleEndian(bytes);
            case ElementEncoding.Float32Big: return BinaryPrimitives.ReadSingleBigEndian(bytes);
            case ElementEncoding.Float64Little: return BinaryPrimitives.ReadDoubleLittleEndian(bytes);
            case ElementEncoding.Float64Big: return BinaryPrimitives.ReadDoubleBigEndian(bytes);
            default:
                byte b = bytes[0];
                if (b > 1)
                    throw file.Error($"{what}: element {index} has byte value {b}, but a 0/1 mask may only hold 0 or 1");
                return b;
        }
    }

    static void Encode(double value, ElementType dtype, Span<byte> bytes, long index)
    {
        switch (dtype)
        {
            case ElementType.Float32:
                BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value);
                break;
            case ElementType.Float64:
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
                break;
            default:
                RequireMaskValue(value, index);
                bytes[0] = (byte)value;
                break;
        }
    }

    /// <summary>A Bool array is a 0/1 mask; anything else would be silently changed by a one-byte or
    /// pattern-only format, so writers refuse it.</summary>
    public static void RequireMaskValue(double value, long index)
    {
        if (value != 0 && value != 1)
            throw new EoiArgumentException("array", $"a Bool array may only hold 0 or 1; element {index} is {value:R}");
    }
}
