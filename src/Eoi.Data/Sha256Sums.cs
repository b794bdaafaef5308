using Eoi.Core;

namespace Eoi.Data;

/// <summary>Checksum lists in the format of coreutils' sha256sum ("&lt;64 hex digits&gt;  &lt;file name&gt;" per
/// line; blank lines and "#" comments skipped, as `sha256sum -c` does), so one file serves the scripts and
/// the checks in C#.</summary>
static class Sha256Sums
{
    public static Dictionary<string, string> Parse(string text, string source)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.Length < 67 || line[64] != ' ' || (line[65] != ' ' && line[65] != '*') || !line[..64].All(char.IsAsciiHexDigitLower))
                throw new EoiFormatException(source, $"line {i + 1} is not \"<64 lowercase hex digits>  <file name>\"");
            if (!sums.TryAdd(line[66..], line[..64]))
                throw new EoiFormatException(source, $"line {i + 1} repeats file {line[66..]}");
        }
        return sums;
    }

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}
