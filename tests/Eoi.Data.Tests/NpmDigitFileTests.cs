using System.Globalization;
using Eoi.Core;

namespace Eoi.Data.Tests;

public class NpmDigitFileTests
{
    /// <summary>The package's layout: one object, one "data" array, 784 numbers per image, k/255 rounded
    /// to three decimals with 0 and 1 as integers.</summary>
    static string DigitJson(params byte[][] images) =>
        "{ \"data\": [" + string.Join(",", images.SelectMany(image => image).Select(Format)) + "]}";

    static string Format(byte k) => k is 0 or 255
        ? (k / 255).ToString(CultureInfo.InvariantCulture)
        : Math.Round(k / 255.0, 3).ToString(CultureInfo.InvariantCulture);

    static byte[] Image(byte seed) => [.. Enumerable.Range(0, 784).Select(i => (byte)((i * 7 + seed) % 256))];

    static string WriteJson(TempDirectory dir, string json, string name = "3.json")
    {
        string path = dir.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void RecoversTheOriginalBytesOfEveryImage()
    {
        using var dir = new TempDirectory();
        byte[] first = Image(0), second = Image(100);
        string path = WriteJson(dir, DigitJson(first, second));

        ImageBytes images = NpmDigitFile.Read(path);

        Assert.Equal((2, 1, 28, 28), (images.Count, images.Channels, images.Height, images.Width));
        Assert.Equal(first, images.Image(0).ToArray());
        Assert.Equal(second, images.Image(1).ToArray());
    }

    [Fact]
    public void ValuesAsThePackageWritesThemMapToBytes()
    {
        // Taken from the start of the package's 0.json: 0.2 = 51/255, 0.624 ≈ 159/255, 0.992 ≈ 253/255.
        using var dir = new TempDirectory();
        var values = new string[784];
        Array.Fill(values, "0");
        (values[1], values[2], values[3], values[4]) = ("0.2", "0.624", "0.992", "1");
        string path = WriteJson(dir, "{ \"data\": [" + string.Join(",", values) + "]}");

        Assert.Equal([0, 51, 159, 253, 255, 0], NpmDigitFile.Read(path).Pixels[..6]);
    }

    [Theory]
    [InlineData("[0]", "expected a JSON object")]
    [InlineData("{}", "no \"data\" property")]
    [InlineData("{\"data\": 0}", "\"data\" must be an array of numbers")]
    [InlineData("{\"pixels\": []}", "unexpected property \"pixels\"")]
    [InlineData("{\"data\": [], \"data\": []}", "property \"data\" appears twice")]
    [InlineData("{\"data\": [0, \"1\"]}", "\"data\" element 1 is String, not a number")]
    [InlineData("{\"data\": [0, 0.5]}", "\"data\" element 1 is 0.5, not a pixel byte k/255 rounded to three decimals")]
    [InlineData("{\"data\": [1.004]}", "\"data\" element 0 is 1.004, not a pixel byte")]
    [InlineData("{\"data\": [-0.004]}", "\"data\" element 0 is -0.004, not a pixel byte")]
    [InlineData("{\"data\": [0, 0]}", "\"data\" holds 2 numbers; expected a positive multiple of 784")]
    [InlineData("{\"data\": []}", "\"data\" holds 0 numbers")]
    [InlineData("{\"data\": [0,]}", "invalid JSON")]
    [InlineData("{\"data\": [0]} x", "invalid JSON")]
    [InlineData("{\"data\": [0]", "invalid JSON")]
    public void MalformedFilesAreRejectedWithTheProblem(string json, string expected)
    {
        using var dir = new TempDirectory();
        string path = WriteJson(dir, json);
        var ex = Assert.Throws<EoiFormatException>(() => NpmDigitFile.Read(path));
        Assert.Equal(path, ex.Path);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void TheTenFilesAreLabelledByNameAndSplitFourToOne()
    {
        using var dir = new TempDirectory();
        for (int digit = 0; digit < 10; digit++)
            WriteJson(dir, DigitJson(Image((byte)digit), Image((byte)(digit + 10))), $"{digit}.json");

        LabeledImages all = NpmDigits.Read(dir.Path);
        var (train, test) = NpmDigits.Split(all);

        Assert.Equal(20, all.Count);
        Assert.Equal([0, 0, 1, 1, 2, 2], all.Labels[..6]);
        Assert.Equal(Image(11), all.Images.Image(3).ToArray());
        Assert.Equal((16, 4), (train.Count, test.Count));
        // Every image lands in exactly one set, with its own label.
        var pairs = train.Labels.Select((l, i) => (l, train.Images.Image(i)[0]))
            .Concat(test.Labels.Select((l, i) => (l, test.Images.Image(i)[0])));
        Assert.Equal(all.Labels.Select((l, i) => (l, all.Images.Image(i)[0])).Order(), pairs.Order());
    }

    [Fact]
    public void AMissingDigitFileIsNamed()
    {
        using var dir = new TempDirectory();
        WriteJson(dir, DigitJson(Image(0)), "0.json");
        var ex = Assert.Throws<EoiException>(() => NpmDigits.Read(dir.Path));
        Assert.Equal($"{dir.File("1.json")}: file not found", ex.Message);
    }
}
