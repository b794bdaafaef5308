using Eoi.Core;

namespace Eoi.IO;

/// <summary>
/// Parses a .npy header: a Python dict literal with exactly the keys 'descr' (a string), 'fortran_order'
/// (True or False) and 'shape' (a tuple of non-negative ints), in any order, with Python's optional
/// trailing commas. Only this subset of Python is accepted, so anything else in a header is reported
/// precisely instead of being half-understood.
/// </summary>
sealed class NpyHeaderParser
{
    const int MaxQuotedHeader = 300;
    static readonly string[] Keys = ["descr", "fortran_order", "shape"];

    readonly string _path;
    readonly string _text;
    int _pos;

    NpyHeaderParser(string path, string text)
    {
        _path = path;
        _text = text;
    }

    public static NpyHeader Parse(string path, string text) => new NpyHeaderParser(path, text).ParseDict();

    NpyHeader ParseDict()
    {
        string? descr = null;
        bool? fortranOrder = null;
        long[]? shape = null;
        SkipWhitespace();
        Expect('{', "the header dict");
        SkipWhitespace();
        while (!TryConsume('}'))
        {
            int keyPos = _pos;
            string key = ParseString("a dict key");
            SkipWhitespace();
            Expect(':', $"key '{key}'");
            SkipWhitespace();
            switch (key)
            {
                case "descr" when descr is null:
                    descr = ParseString("the value of 'descr'");
                    break;
                case "fortran_order" when fortranOrder is null:
                    fortranOrder = ParseBool();
                    break;
                case "shape" when shape is null:
                    shape = ParseShape();
                    break;
                default:
                    _pos = keyPos;
                    throw Error(Array.IndexOf(Keys, key) >= 0
                        ? $"key '{key}' appears twice"
                        : $"unexpected key '{key}'; a .npy header has exactly the keys {string.Join(", ", Keys)}");
            }
            SkipWhitespace();
            if (TryConsume(','))
                SkipWhitespace();
            else if (Peek() != '}')
                throw Error("expected ',' or '}' after a dict value");
        }
        SkipWhitespace();
        if (_pos != _text.Length)
            throw Error("unexpected text after the header dict");
        if (descr is null) throw Error("missing key 'descr'");
        if (fortranOrder is null) throw Error("missing key 'fortran_order'");
        if (shape is null) throw Error("missing key 'shape'");
        return new NpyHeader(descr, fortranOrder.Value, shape);
    }

    string ParseString(string what)
    {
        char quote = Peek();
        if (quote != '\'' && quote != '"')
            throw Error($"expected a quoted string for {what}");
        int start = ++_pos;
        int end = _text.IndexOf(quote, start);
        if (end < 0)
            throw Error($"unterminated string for {what}");
        string value = _text[start..end];
        if (value.Contains('\\'))
            throw Error($"escape sequences are not supported in {what}");
        _pos = end + 1;
        return value;
    }

    bool ParseBool()
    {
        if (TryConsumeWord("True")) return true;
        if (TryConsumeWord("False")) return false;
        throw Error("expected True or False for the value of 'fortran_order'");
    }

    long[] ParseShape()
    {
        Expect('(', "the value of 'shape' (a tuple)");
        var dims = new List<long>();
        SkipWhitespace();
        while (!TryConsume(')'))
        {
            dims.Add(ParseDimension());
            SkipWhitespace();
            if (TryConsume(','))
                SkipWhitespace();
            else if (Peek() != ')')
                throw Error("expected ',' or ')' in the shape tuple");
            else if (dims.Count == 1)
                throw Error($"shape ({dims[0]}) is a parenthesised int, not a tuple; a 1-tuple is written ({dims[0]},)");
        }
        return dims.ToArray();
    }

    long ParseDimension()
    {
        if (Peek() == '-')
            throw Error("shape dimensions must be non-negative");
        int start = _pos;
        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
            _pos++;
        if (_pos == start)
            throw Error("expected an integer in the shape tuple");
        if (!long.TryParse(_text.AsSpan(start, _pos - start), System.Globalization.NumberStyles.None,
                           System.Globalization.CultureInfo.InvariantCulture, out long dim))
        {
            _pos = start;
            throw Error("shape dimension is too large");
        }
        return dim;
    }

    char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    bool TryConsume(char c)
    {
        if (Peek() != c) return false;
        _pos++;
        return true;
    }

    bool TryConsumeWord(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) return false;
        int after = _pos + word.Length;
        if (after < _text.Length && (char.IsAsciiLetterOrDigit(_text[after]) || _text[after] == '_')) return false;
        _pos = after;
        return true;
    }

    void Expect(char c, string context)
    {
        if (!TryConsume(c))
            throw Error($"expected '{c}' for {context}");
    }

    void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
            _pos++;
    }

    EoiFormatException Error(string problem)
    {
        string shown = _text.Length <= MaxQuotedHeader ? _text.TrimEnd() : _text[..MaxQuotedHeader] + "...";
        string found = _pos < _text.Length ? $"'{_text[_pos]}'" : "end of header";
        return new EoiFormatException(_path,
            $"invalid .npy header: {problem} (at character {_pos}, found {found}) in header {shown}");
    }
}
