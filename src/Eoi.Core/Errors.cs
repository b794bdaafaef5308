namespace Eoi.Core;

/// <summary>Base of every error this project raises on purpose. Catching it (and nothing wider) is how
/// the CLI turns a bad input into one clear line instead of a stack trace.</summary>
public class EoiException : Exception
{
    /// <summary>An error whose message is the whole explanation, in one line.</summary>
    public EoiException(string message) : base(message) { }
    /// <summary>As <see cref="EoiException(string)"/>, keeping the lower-level exception that caused it.</summary>
    public EoiException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An argument outside its allowed range. The message always names the parameter, the range and
/// the value given, e.g. "density must be in [0.00128, 1]; got 1.5".</summary>
public sealed class EoiArgumentException : EoiException
{
    /// <summary>The parameter (or option) the message is about.</summary>
    public string ParameterName { get; }

    /// <summary>An error about <paramref name="parameterName"/>; <paramref name="message"/> states its range and value.</summary>
    public EoiArgumentException(string parameterName, string message) : base(message)
    {
        ParameterName = parameterName;
    }
}

/// <summary>A file whose bytes do not match its format (bad magic, lying header, truncated data).
/// The message names the file and what is wrong with it.</summary>
public sealed class EoiFormatException : EoiException
{
    /// <summary>The file that is malformed.</summary>
    public string Path { get; }

    /// <summary>"<paramref name="path"/>: <paramref name="problem"/>".</summary>
    public EoiFormatException(string path, string problem) : base($"{path}: {problem}")
    {
        Path = path;
    }
}
