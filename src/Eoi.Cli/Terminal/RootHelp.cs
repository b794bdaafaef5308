using System.CommandLine;
using System.CommandLine.Invocation;

namespace Eoi.Cli.Terminal;

/// <summary>
/// <c>eoi --help</c>: one line per command, so the list fits a terminal. System.CommandLine would print each
/// command's whole description (its examples included) beside its name; that stays the command's own help.
/// </summary>
sealed class RootHelp(Command root, IReadOnlyList<(Command Command, string Summary)> summaries, CommandLineAction commandHelp)
    : SynchronousCommandLineAction
{
    /// <summary>The widest line the root help may print, a terminal's 100 columns.</summary>
    public const int MaxWidth = 100;

    public override int Invoke(ParseResult parsed)
    {
        if (parsed.CommandResult.Command != root)
            return ((SynchronousCommandLineAction)commandHelp).Invoke(parsed);
        var output = parsed.InvocationConfiguration.Output;
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine($"Usage: {root.Name} <command> [options]; '{root.Name} <command> --help' lists a command's options and examples.");
        output.WriteLine();
        output.WriteLine("Commands:");
        int nameWidth = summaries.Max(s => s.Command.Name.Length) + 2;
        foreach (var (command, summary) in summaries)
            output.WriteLine($"  {command.Name.PadRight(nameWidth)}{summary}");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine($"  {"-h, --help".PadRight(nameWidth)}Show this list (after a command: that command's help)");
        output.WriteLine($"  {"--version".PadRight(nameWidth)}Show the version");
        return ExitCodes.Success;
    }
}
