using Eoi.Core;

namespace Eoi.Data.Tests;

public class CifarTests
{
    /// <summary>A record whose red plane is all <paramref name="red"/>, green all red + 1, blue all red + 2,
    /// except that pixel (row 1, column 2) of each plane is 200 + channel, to pin down the in-plane order.</summary>
    static byte[] Record(byte label, byte red)
    {
        var record = new byte[CifarBinaryReader.RecordSize];
        record[0] = label;
        for (int c = 0; c < 3; c++)
        {
            Span<byte> plane = record.AsSpan(1 + c * 1024, 1024);
            plane.Fill((byte)(red + c));
            plane[1 * 32 + 2] = (byte)(200 + c);
        }
        return record;
    }

    static byte[] Batch(params (byte Label, byte Red)[] records) => [.. records.SelectMany(r => Record(r.Label, r.Red))];

    [Fact]
    public void ReadsLabelsAndRedGreenBluePlanesInOrder()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("data_batch_1.bin", Batch((3, 10), (0, 20), (9, 30)));

        LabeledImages data = CifarBinaryReader.Read(path);

        Assert.Equal([3, 0, 9], data.Labels);
        Assert.Equal((3, 3, 32, 32), (data.Images.Count, data.Images.Channels, data.Images.Height, data.Images.Width));
        ReadOnlySpan<byte> second = data.Images.Image(1);
        Assert.Equal(20, second[0]);              // red plane first
        Assert.Equal(21, second[1024]);           // then green
        Assert.Equal(22, second[2048 + 1023]);    // then blue, to its last pixel
        Assert.Equal(201, second[1024 + 34]);     // row-major inside a plane: (1, 2) is offset 34
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3073 * 2 - 1)]
    public void LengthsThatAreNotWholeRecordsAreRejected(int length)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("test_batch.bin", Batch((1, 1), (2, 2))[..length]);
        var ex = Assert.Throws<EoiFormatException>(() => CifarBinaryReader.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.Contains($"length {length} is not a positive multiple of the 3073-byte record", ex.Message);
    }

    [Fact]
    public void LabelsAboveNineAreRejected()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("test_batch.bin", Batch((1, 1), (10, 2)));
        var ex = Assert.Throws<EoiFormatException>(() => CifarBinaryReader.Read(path));
        Assert.Contains("label 10 at index 1 is outside 0..9", ex.Message);
    }

    [Fact]
    public void DirectoryConcatenatesTheFiveTrainingBatchesInOrder()
    {
        using var dir = new TempDirectory();
        string root = Directory.CreateDirectory(dir.File(CifarDirectory.ArchiveFolder)).FullName;
        for (int i = 1; i <= 5; i++)
            File.WriteAllBytes(Path.Combine(root, $"data_batch_{i}.bin"), Batch(((byte)i, (byte)(10 * i)), ((byte)(i - 1), 0)));
        File.WriteAllBytes(Path.Combine(root, "test_batch.bin"), Batch((7, 70)));

        TrainTest data = DataSources.Load(DataSources.Cifar10, dir.Path);

        Assert.Equal(10, data.Train.Count);
        Assert.Equal([1, 0, 2, 1, 3, 2, 4, 3, 5, 4], data.Train.Labels.ToArray());
        Assert.Equal([7], data.Test.Labels.ToArray());
        Assert.Equal([3, 32, 32], data.Train.SampleShape);
        // The fifth batch's first record, green plane: byte 51 normalised with the green constants.
        Assert.Equal(Normalization.Cifar10.Apply(51, 1), data.Train.Input(8)[1024]);
    }

    [Fact]
    public void MissingBatchesAreListed()
    {
        using var dir = new TempDirectory();
        dir.Write("data_batch_1.bin", Batch((1, 1)));
        var ex = Assert.Throws<EoiException>(() => CifarDirectory.Read(dir.Path));
        Assert.Contains("missing: data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin, test_batch.bin", ex.Message);
    }
}
