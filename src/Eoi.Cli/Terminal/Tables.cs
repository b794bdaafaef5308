using Spectre.Console;
using Spectre.Console.Rendering;

namespace Eoi.Cli.Terminal;

/// <summary>Tables whose cells are plain text (file names and notes may hold '[', which Spectre would
/// otherwise read as markup), drawn in ASCII where the output is not a Unicode terminal.</summary>
static class Tables
{
    public static Table Create(IAnsiConsole console, string title, params string[] columns)
    {
        var border = console.Profile.Capabilities.Unicode ? TableBorder.Rounded : TableBorder.Ascii2;
        var table = new Table { Title = new TableTitle(Markup.Escape(title)), Border = border };
        foreach (string column in columns)
            table.AddColumn(new TableColumn(Markup.Escape(column)));
        return table;
    }

    public static void AddPlainRow(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
}
