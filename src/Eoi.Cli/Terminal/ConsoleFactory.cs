using Spectre.Console;

namespace Eoi.Cli.Terminal;

/// <summary>
/// Spectre consoles over any writer. Only the real, unredirected stdout gets colours, Unicode borders and
/// the terminal's width; anything else (a file, a pipe, a test's StringWriter) gets plain ASCII at a fixed
/// width, so saved output is readable and the same on every machine.
/// </summary>
static class ConsoleFactory
{
    /// <summary>Wide enough for a check table's notes without wrapping most of them.</summary>
    public const int RedirectedWidth = 120;

    public static IAnsiConsole Create(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
            console.Profile.Capabilities.Unicode = false;
        }
        return console;
    }
}
