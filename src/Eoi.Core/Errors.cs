namespace Eoi.Core;

/// <summary>Base of every error this project raises on purpose. Catching it (and nothing wider) is how
/// the CLI turns a bad input into one clear line instead of a stack trace.</summary>
public class EoiException : Exception
{
    public EoiException(string message) : base(message) { }
    public EoiException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An argument outside its allowed range. The message always names the parameter, the range and
/// the value given, e.g. "density must be in [0.00128, 1]; got 1.5".</summary>
public sealed class EoiArgumentException : EoiException
{
    public string ParameterName { get; }

    public EoiArgumentException(string parameterName, string message) : base(message)
    {
        ParameterName = parameterName;
    }
}

/// <summary>A file whose bytes do not match its format (bad magic, lying header, truncated data).
/// The message names the file and what is wrong with it.</summary>
public sealed class EoiFormatException : EoiException
{
    public string Path { get; }

    public EoiFormatException(string path, string problem) : base($"{path}: {problem}")
    {
        Path = path;
    }
}
