using System.Buffers.Binary;
using System.Text;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// NumPy .npy files (format versions 1.0, 2.0 and 3.0). Reads little- and big-endian float32/float64 and
/// bool/uint8 masks in C or Fortran order; writes little-endian C order as version 1.0, or 2.0 when the
/// header is too long for 1.0's 16-bit length field.
/// </summary>
public static class NpyFile
{
    static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>numpy aligns the data start to 64 bytes so it can be memory-mapped and vector-loaded.</summary>
    const int DataAlignment = 64;

    /// <summary>Real headers are a few hundred bytes; the cap keeps a corrupt length from driving allocation.</summary>
    const int MaxHeaderLength = 1 << 20;

    static readonly (string Descr, ElementEncoding Encoding)[] Descrs =
    [
        ("<f4", ElementEncoding.Float32Little),
        ("<f8", ElementEncoding.Float64Little),
        (">f4", ElementEncoding.Float32Big),
        (">f8", ElementEncoding.Float64Big),
        ("|b1", ElementEncoding.Byte01),
        ("|u1", ElementEncoding.Byte01),
    ];

    /// <summary>The dtype and shape a .npy header declares, and whether <see cref="Read"/> decodes that dtype.</summary>
    public static (string Descr, int[] Shape, bool Supported) Describe(string path)
    {
        using var file = InputFile.Open(path);
        var header = ReadHeader(file);
        var (shape, _) = FileShape.Validate(header.Shape, file, "shape in the .npy header");
        return (header.Descr, shape, Array.Exists(Descrs, d => d.Descr == header.Descr));
    }

    /// <summary>The array in a .npy file (format 1.0 to 3.0; float32, float64 or bool, either byte order, C or
    /// Fortran order), as row-major values; the header is checked strictly against the data's length.</summary>
    public static NdArray Read(string path)
    {
        using var file = InputFile.Open(path);
        var header = ReadHeader(file);
        var encoding = EncodingOf(header.Descr, file);
        var (shape, count) = FileShape.Validate(header.Shape, file, "shape in the .npy header");
        long expected = count * ElementCodec.Size(encoding);
        if (file.Remaining != expected)
            throw file.Error(
                $"data is {file.Remaining} bytes but shape ({FileShape.Text(shape)}) of '{header.Descr}' needs exactly {expected} bytes " +
                (file.Remaining < expected ? "(file is truncated)" : "(trailing bytes after the data)"));
        var values = ElementCodec.Read(file, encoding, count, $"data of type '{header.Descr}'");
        if (header.FortranOrder && shape.Length > 1)
            values = FortranToRowMajor(values, shape);
        return new NdArray(shape, ElementCodec.ElementTypeOf(encoding), values);
    }

    /// <summary>Writes <paramref name="array"/> as a little-endian, C-order .npy file, whole or not at all.</summary>
    public static void Write(string path, NdArray array)
    {
        Guard.NotNull(array, nameof(array));
        string descr = array.ElementType switch { ElementType.Float32 => "<f4", ElementType.Float64 => "<f8", _ => "|b1" };
        string dict = new NpyHeader(descr, FortranOrder: false, [.. array.Shape.Select(d => (long)d)]).Format();
        byte[] preamble = Preamble(dict);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(preamble);
            ElementCodec.Write(stream, array);
        });
    }

    static NpyHeader ReadHeader(InputFile file)
    {
        if (file.Length < 10)
            throw file.Error($"too short to be a .npy file ({file.Length} bytes; the fixed preamble alone is 10)");
        byte[] start = file.ReadExactly(8, "magic and version");
        if (!start.AsSpan(0, 6).SequenceEqual(Magic))
            throw file.Error("not a .npy file: it does not start with the magic string \\x93NUMPY");
        int major = start[6], minor = start[7];
        if (minor != 0 || major is < 1 or > 3)
            throw file.Error($"unsupported .npy format version {major}.{minor}; supported versions are 1.0, 2.0 and 3.0");
        long headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(file.ReadExactly(2, "header length"))
            : BinaryPrimitives.ReadUInt32LittleEndian(file.ReadExactly(4, "header length"));
        if (headerLength > MaxHeaderLength)
            throw file.Error($"header length {headerLength} is implausibly large (at most {MaxHeaderLength} bytes are accepted)");
        if (headerLength > file.Remaining)
            throw file.Error($"header length {headerLength} exceeds the {file.Remaining} bytes left in the file");
        byte[] bytes = file.ReadExactly((int)headerLength, "header");
        // Versions 1.0 and 2.0 store the header as latin-1; 3.0 allows UTF-8 (for structured field names).
        string text;
        try
        {
            text = major == 3 ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw file.Error("the version 3.0 header is not valid UTF-8");
        }
        return NpyHeaderParser.Parse(file.Path, text);
    }

    static ElementEncoding EncodingOf(string descr, InputFile file)
    {
        foreach (var d in Descrs)
            if (d.Descr == descr)
                return d.Encoding;
        throw file.Error($"unsupported dtype '{descr}'; supported: {string.Join(", ", Descrs.Select(d => $"'{d.Descr}'"))}");
    }

    /// <summary>Magic, version, header length and the header padded with spaces and a final '\n' so that
    /// the data starts on a <see cref="DataAlignment"/> boundary, as numpy writes it.</summary>
    static byte[] Preamble(string dict)
    {
        int major = 1, lengthBytes = 2;
        int headerLength = PaddedLength(8 + lengthBytes, dict);
        if (headerLength > ushort.MaxValue)
        {
            (major, lengthBytes) = (2, 4);
            headerLength = PaddedLength(8 + lengthBytes, dict);
        }
        int prefix = 8 + lengthBytes;
        var bytes = new byte[prefix + headerLength];
        Magic.CopyTo(bytes);
        bytes[6] = (byte)major;
        if (lengthBytes == 2)
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
        else
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
        bytes.AsSpan(prefix).Fill((byte)' ');
        Encoding.ASCII.GetBytes(dict, bytes.AsSpan(prefix));
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    static int PaddedLength(int prefix, string dict)
    {
        int unpadded = prefix + dict.Length + 1;
        int total = (unpadded + DataAlignment - 1) / DataAlignment * DataAlignment;
        return total - prefix;
    }

    /// <summary>Reorders values stored with the first axis varying fastest into row-major order.</summary>
    static double[] FortranToRowMajor(double[] source, int[] shape)
    {
        int rank = shape.Length;
        var rowMajorStride = new long[rank];
        rowMajorStride[rank - 1] = 1;
        for (int axis = rank - 2; axis >= 0; axis--)
            rowMajorStride[axis] = rowMajorStride[axis + 1] * shape[axis + 1];
        var result = new double[source.Length];
        var index = new int[rank];
        long target = 0;
        for (long k = 0; k < source.LongLength; k++)
        {
            result[target] = source[k];
            // Advance the multi-index like an odometer whose first axis turns fastest.
            for (int axis = 0; axis < rank; axis++)
            {
                target += rowMajorStride[axis];
                if (++index[axis] < shape[axis])
                    break;
                target -= rowMajorStride[axis] * shape[axis];
                index[axis] = 0;
            }
        }
        return result;
    }
}
