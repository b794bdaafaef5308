using System.Globalization;
using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// Parses Matrix Market "matrix coordinate {real|integer|pattern} general" files, checking the banner, the
/// size line, every index and the entry count, and rejecting duplicate positions (which readers disagree
/// on: some add them, some keep the last).
/// </summary>
sealed class MatrixMarketReader
{
    /// <summary>The shortest possible entry line, "i j\n": bounds how many entries a file of a given size
    /// can hold, so a lying size line cannot drive a huge allocation.</summary>
    const int MinBytesPerEntry = 4;

    static readonly string[] Fields = ["real", "integer", "pattern"];

    readonly InputFile _file;
    readonly StreamReader _reader;
    int _lineNumber;

    MatrixMarketReader(InputFile file)
    {
        _file = file;
        _reader = new StreamReader(file.Stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
    }

    public static MatrixMarketData Parse(string path)
    {
        using var file = InputFile.Open(path);
        return new MatrixMarketReader(file).Parse();
    }

    MatrixMarketData Parse()
    {
        string field = ParseBanner();
        var (rows, cols, count) = ParseSizeLine();
        bool isPattern = field == "pattern";
        var rowIndices = new int[count];
        var colIndices = new int[count];
        var values = new double[count];
        var lines = new int[count];
        int entries = 0;
        while (NextContentLine() is { } line)
        {
            if (entries == count)
                throw Error($"more entries than the {count} announced in the size line");
            string[] tokens = Tokens(line);
            int expectedTokens = isPattern ? 2 : 3;
            if (tokens.Length != expectedTokens)
                throw Error($"a {field} entry has {expectedTokens} fields ({(isPattern ? "i j" : "i j value")}); got '{line.Trim()}'");
            rowIndices[entries] = Index(tokens[0], rows, "row");
            colIndices[entries] = Index(tokens[1], cols, "column");
            values[entries] = isPattern ? 1.0 : Value(tokens[2], field);
            lines[entries] = _lineNumber;
            entries++;
        }
        if (entries != count)
            throw _file.Error($"the size line announces {count} entries but the file holds only {entries}");
        SortRowMajor(cols, rowIndices, colIndices, values, lines);
        return new MatrixMarketData(rows, cols, isPattern, rowIndices, colIndices, values);
    }

    string ParseBanner()
    {
        string? line = _reader.ReadLine();
        _lineNumber = 1;
        string[] tokens = line is null ? [] : Tokens(line);
        if (tokens.Length == 0 || !tokens[0].Equals("%%MatrixMarket", StringComparison.OrdinalIgnoreCase))
            throw Error("not a Matrix Market file: the first line must start with %%MatrixMarket");
        if (tokens.Length != 5)
            throw Error($"the banner must be '%%MatrixMarket matrix coordinate <field> <symmetry>'; got '{line!.Trim()}'");
        string obj = tokens[1].ToLowerInvariant(), format = tokens[2].ToLowerInvariant();
        string field = tokens[3].ToLowerInvariant(), symmetry = tokens[4].ToLowerInvariant();
        if (obj != "matrix")
            throw Error($"object '{tokens[1]}' is not supported; only 'matrix'");
        if (format != "coordinate")
            throw Error($"format '{tokens[2]}' is not supported; only 'coordinate' (sparse) files are read");
        if (Array.IndexOf(Fields, field) < 0)
            throw Error($"field '{tokens[3]}' is not supported; supported: {string.Join(", ", Fields)}");
        if (symmetry != "general")
            throw Error($"symmetry '{tokens[4]}' is not supported; only 'general' (every entry stored explicitly)");
        return field;
    }

    (int Rows, int Cols, int Count) ParseSizeLine()
    {
        string line = NextContentLine() ?? throw _file.Error("the file ends before the size line 'rows cols entries'");
        string[] tokens = Tokens(line);
        if (tokens.Length != 3
            || !int.TryParse(tokens[0], NumberStyles.None, CultureInfo.InvariantCulture, out int rows)
            || !int.TryParse(tokens[1], NumberStyles.None, CultureInfo.InvariantCulture, out int cols)
            || !long.TryParse(tokens[2], NumberStyles.None, CultureInfo.InvariantCulture, out long count))
            throw Error($"the size line must be three non-negative integers 'rows cols entries' (rows and cols at most {int.MaxValue}); got '{line.Trim()}'");
        if (count > (long)rows * cols)
            throw Error($"the size line announces {count} entries, more than the {rows} x {cols} matrix has positions");
        if (count > Math.Min(_file.Length / MinBytesPerEntry, Array.MaxLength))
            throw Error($"the size line announces {count} entries, more than a file of {_file.Length} bytes can hold");
        return (rows, cols, (int)count);
    }

    /// <summary>The next line that is neither blank nor a '%' comment, or null at the end of the file.</summary>
    string? NextContentLine()
    {
        while (_reader.ReadLine() is { } line)
        {
            _lineNumber++;
            if (!string.IsNullOrWhiteSpace(line) && !line.TrimStart().StartsWith('%'))
                return line;
        }
        return null;
    }

    int Index(string token, int size, string what)
    {
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index < 1 || index > size)
            throw Error($"{what} index '{token}' is not an integer in [1, {size}]");
        return index - 1;
    }

    double Value(string token, string field)
    {
        if (field == "integer")
            return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)
                ? integer
                : throw Error($"value '{token}' is not an integer");
        return TryParseReal(token, out double real)
            ? real
            : throw Error($"value '{token}' is not a real number");
    }

    /// <summary>A decimal number, or the non-finite words C's printf and NumPy write ("inf", "-inf", "nan",
    /// any case, "infinity" too), so that a file holding them is read and then judged, not refused.</summary>
    static bool TryParseReal(string token, out double value)
    {
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return true;
        string word = token.ToLowerInvariant();
        bool negative = word.StartsWith('-');
        string magnitude = word.TrimStart('+', '-');
        if (word.Length - magnitude.Length > 1)
            return false;
        value = magnitude switch
        {
            "inf" or "infinity" => negative ? double.NegativeInfinity : double.PositiveInfinity,
            "nan" => double.NaN,
            _ => 0.0,
        };
        return magnitude is "inf" or "infinity" or "nan";
    }

    void SortRowMajor(int cols, int[] rowIndices, int[] colIndices, double[] values, int[] lines)
    {
        var keys = new long[rowIndices.Length];
        var order = new int[rowIndices.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            keys[k] = (long)rowIndices[k] * cols + colIndices[k];
            order[k] = k;
        }
        Array.Sort(keys, order);
        for (int k = 1; k < keys.Length; k++)
            if (keys[k] == keys[k - 1])
            {
                int first = Math.Min(lines[order[k - 1]], lines[order[k]]), second = Math.Max(lines[order[k - 1]], lines[order[k]]);
                throw _file.Error($"entry ({rowIndices[order[k]] + 1}, {colIndices[order[k]] + 1}) appears twice (lines {first} and {second})");
            }
        Permute(rowIndices, order);
        Permute(colIndices, order);
        Permute(values, order);
    }

    static void Permute<T>(T[] items, int[] order)
    {
        var copy = (T[])items.Clone();
        for (int k = 0; k < order.Length; k++)
            items[k] = copy[order[k]];
    }

    static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    EoiFormatException Error(string problem) => _file.Error($"line {_lineNumber}: {problem}");
}
