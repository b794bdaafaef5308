using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Eoi.Cli.Commands;
using Eoi.Cli.Terminal;
using Eoi.Core;

namespace Eoi.Cli;

/// <summary>
/// The whole command line as one function of its arguments and two writers, so tests run it in-process.
/// Every failure ends here: a problem with the input is one "error:" line and exit 2, a bug is one
/// "internal error:" line and exit 70, and neither shows a stack trace.
/// </summary>
public static class Cli
{
    /// <summary>The first line of <c>eoi --help</c>.</summary>
    const string Title = "eoi: Exact Orthogonal Initialization (EOI), the reference implementation and correctness oracle";

    /// <param name="environment">Reads an environment variable, null when unset; the process environment when omitted.</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        try
        {
            var console = ConsoleFactory.Create(stdout);
            // A plain Command rather than RootCommand: RootCommand names itself after the host executable,
            // which in tests is the test runner.
            var root = new Command("eoi", Title);
            (Command Command, string Summary)[] commands =
            [
                (GenerateCommand.Create(console), "Write an EOI matrix or delta-orthogonal conv kernel (.npy, .safetensors, .mtx)"),
                (CheckCommand.Create(console), "Judge a matrix, kernel or whole model: orthogonality, density, mask"),
                (PlanCommand.Create(console), "Print (and save) the rotation plan of an EOI matrix"),
                (ReplayCommand.Create(console), "Rebuild the values of a rotation plan file, bit for bit"),
                (DemoCommand.Create(console), "Generate, write, check and replay small layers in one go"),
                (ConformanceCommand.Create(console), "Export the conformance kit for other implementations"),
                (TrainCommand.Create(console), "Train a sparse MLP or CNN with fixed masks (base, AI or EOI init)"),
                (ExperimentCommand.Create(console, environment ?? Environment.GetEnvironmentVariable), "Run a named grid of the paper's experiments"),
                (DevicesCommand.Create(console), "Show what the CUDA probe finds"),
            ];
            var help = new HelpOption();
            help.Action = new RootHelp(root, commands, help.Action!);
            root.Options.Add(help);
            root.Options.Add(new VersionOption());
            foreach (var (command, _) in commands)
                root.Subcommands.Add(command);
            var parsed = root.Parse(WithHelpCommand(args));
            if (parsed.Action is ParseErrorAction)
                return ReportUsageErrors(parsed, stderr);
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (EoiException ex)
        {
            return Report(stderr, "error", ex.Message, ExitCodes.BadInput);
        }
        catch (FileNotFoundException ex)
        {
            return Report(stderr, "error", $"{ex.FileName ?? ex.Message}: file not found", ExitCodes.BadInput);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The file system refused (missing directory, no permission, disk full): the user's to fix.
            return Report(stderr, "error", ex.Message, ExitCodes.BadInput);
        }
        catch (Exception ex)
        {
            return Report(stderr, "internal error", $"{ex.GetType().FullName}: {ex.Message}", ExitCodes.InternalError);
        }
    }

    /// <summary>"eoi help [COMMAND]" is "eoi [COMMAND] --help".</summary>
    static string[] WithHelpCommand(string[] args) =>
        args is ["help", .. var rest] ? [.. rest, "--help"] : args;

    /// <summary>System.CommandLine's own messages as one "error:" line, like every other input error, with
    /// where to find the usage instead of the full help text it would append.</summary>
    static int ReportUsageErrors(ParseResult parsed, TextWriter stderr)
    {
        string messages = string.Join("; ", parsed.Errors.Select(e => OneLine(e.Message).TrimEnd('.')));
        stderr.WriteLine($"error: {messages}; run '{CommandPath(parsed)} --help' for usage");
        return ExitCodes.BadInput;
    }

    static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is CommandResult command; result = command.Parent)
            names.Insert(0, command.Command.Name);
        return string.Join(' ', names);
    }

    static int Report(TextWriter stderr, string prefix, string message, int exitCode)
    {
        stderr.WriteLine($"{prefix}: {OneLine(message)}");
        return exitCode;
    }

    /// <summary>The message with its line breaks and indentation folded into single spaces.</summary>
    static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
