using System.CommandLine;
using Eoi.Oracle;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi conformance export DIR</c>: the kit other implementations test against.</summary>
static class ConformanceCommand
{
    const string Description = """
        Export the conformance kit: for each case a rotation plan, the float64 and float32 values (.npy), the
        non-zero count and the bounds of each precision model, listed in manifest.json, with a README on how to
        test an implementation against it.

        Examples:
          eoi conformance export ./eoi-kit
        """;

    public static Command Create(IAnsiConsole console)
    {
        var dir = new Argument<string>("DIR") { Description = "Where to write the kit (created if missing)." };
        var export = new Command("export", Description) { dir };
        export.SetAction(parsed =>
        {
            string directory = parsed.GetRequiredValue(dir);
            ConformanceKit.Export(directory);
            console.WriteLine($"wrote {ConformanceKit.Cases.Count} cases and {ConformanceKit.ManifestFile} to {directory}");
            return ExitCodes.Success;
        });
        return new Command("conformance", "The conformance kit for other implementations.") { export };
    }
}
