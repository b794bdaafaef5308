namespace Eoi.Data;

/// <summary>
/// The IDX format of the MNIST distribution (yann.lecun.com/exdb/mnist): a big-endian magic 0x0000TTDD
/// (TT = element type, 0x08 for unsigned bytes; DD = number of dimensions), DD big-endian uint32 sizes, then
/// the elements in row-major order. Only the two unsigned-byte layouts that image datasets use are read.
/// </summary>
static class IdxFormat
{
    public const uint ImagesMagic = 0x00000803;
    public const uint LabelsMagic = 0x00000801;

    public static string Describe(uint magic) => magic == ImagesMagic
        ? "0x00000803 (IDX images: unsigned bytes, 3 dimensions)"
        : "0x00000801 (IDX labels: unsigned bytes, 1 dimension)";

    public static int DimensionCount(uint magic) => (int)(magic & 0xff);
}
