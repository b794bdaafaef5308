using Spectre.Console;
using Spectre.Console.Rendering;

namespace Eoi.Cli.Terminal;

/// <summary>
/// "PASS text" or "FAIL text", written whole: Spectre wraps text at the console width, but a verdict
/// must stay one line so a log keeps it together and <c>grep FAIL</c> finds all of it.
/// </summary>
sealed class VerdictLine(bool passed, string text) : IRenderable
{
    static readonly Style PassStyle = new(Color.Green, decoration: Decoration.Bold);
    static readonly Style FailStyle = new(Color.Red, decoration: Decoration.Bold);

    public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        [new(passed ? "PASS" : "FAIL", passed ? PassStyle : FailStyle), new(" " + text), Segment.LineBreak];
}
