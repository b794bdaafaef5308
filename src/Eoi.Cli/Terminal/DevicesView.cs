using System.Globalization;
using Eoi.Cuda.Native;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Eoi.Cli.Terminal;

/// <summary>What `eoi devices` prints: a table of what the CUDA probe found, or the one line saying why CUDA is
/// unavailable followed by each library that did load, with its version; with --verbose, every path tried for
/// every library.</summary>
static class DevicesView
{
    /// <param name="backend">Whether the CUDA backend opened on device 0 (null when CUDA is unavailable).</param>
    public static void Render(IAnsiConsole console, CudaProbeResult probe, string? backend, bool verbose)
    {
        if (probe is CudaAvailable found)
        {
            var table = Tables.Create(console, "CUDA", "property", "value");
            table.AddPlainRow("driver", found.DriverVersion.ToString());
            foreach (var device in found.Devices)
                table.AddPlainRow($"device {device.Ordinal}", string.Create(CultureInfo.InvariantCulture,
                    $"{device.Name}, {device.TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, compute capability {device.ComputeCapability}"));
            table.AddPlainRow("cuBLAS", found.CublasVersion.ToString());
            table.AddPlainRow("cuSPARSE", found.CusparseVersion.ToString());
            table.AddPlainRow("NVRTC", found.NvrtcVersion.ToString());
            foreach (var library in found.Libraries)
                table.AddPlainRow(library.Library.Title, library.LoadedPath ?? "");
            table.AddPlainRow("backend", backend ?? "");
            console.Write(table);
        }
        else
        {
            console.Write(new WholeLine(probe.Summary));
            foreach (string library in probe.LoadedLibraries) console.Write(new WholeLine($"  {library}"));
        }

        if (!verbose) return;
        foreach (string line in probe.DescribeSearch().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            console.Write(new WholeLine(line.TrimEnd('\r')));
    }

    /// <summary>Text written as it is: Spectre wraps text at the console width, but a reason or a path must stay
    /// on one line so a log keeps it whole and grep finds it.</summary>
    sealed class WholeLine(string text) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => new(maxWidth, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => [new(text), Segment.LineBreak];
    }
}
