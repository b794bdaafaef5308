namespace Eoi.Cli;

/// <summary>The process exit codes of <c>eoi</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The checker judged a file and at least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>A bad option, a bad or missing file, or a command line that does not parse (the usual
    /// "usage error" code of command-line tools).</summary>
    public const int BadInput = 2;

    /// <summary>An exception nobody raised on purpose, i.e. a bug (EX_SOFTWARE in sysexits.h).</summary>
    public const int InternalError = 70;
}
