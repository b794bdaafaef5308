using System.Buffers.Binary;
using System.Text;

namespace Eoi.IO.Tests;

/// <summary>Builds .npy files byte by byte, so readers can be tested on layouts our writer never
/// produces (Fortran order, big-endian, versions 2 and 3, broken headers).</summary>
static class NpyBytes
{
    public static byte[] Build(string header, byte[] data, int major = 1, int minor = 0, int? declaredHeaderLength = null)
    {
        int lengthBytes = major == 1 ? 2 : 4;
        var headerBytes = Encoding.UTF8.GetBytes(header);
        int padded = headerBytes.Length + 1;
        padded += (64 - (6 + 2 + lengthBytes + padded) % 64) % 64;
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add((byte)major);
        bytes.Add((byte)minor);
        var length = new byte[lengthBytes];
        if (lengthBytes == 2)
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)(declaredHeaderLength ?? padded));
        else
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)(declaredHeaderLength ?? padded));
        bytes.AddRange(length);
        bytes.AddRange(headerBytes);
        bytes.AddRange(Enumerable.Repeat((byte)' ', padded - headerBytes.Length - 1));
        bytes.Add((byte)'\n');
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    public static string Header(string descr, bool fortran, string shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}";

    public static byte[] Doubles(bool bigEndian, params double[] values)
    {
        var bytes = new byte[values.Length * 8];
        for (int k = 0; k < values.Length; k++)
            if (bigEndian) BinaryPrimitives.WriteDoubleBigEndian(bytes.AsSpan(k * 8), values[k]);
            else BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(k * 8), values[k]);
        return bytes;
    }

    public static byte[] Singles(bool bigEndian, params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (int k = 0; k < values.Length; k++)
            if (bigEndian) BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(k * 4), values[k]);
            else BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(k * 4), values[k]);
        return bytes;
    }
}
