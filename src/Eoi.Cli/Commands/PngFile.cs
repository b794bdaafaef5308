using Eoi.Core;
using ScottPlot;

namespace Eoi.Cli.Commands;

/// <summary>Saves a plot as a PNG whole or not at all: rendered in memory, then written through <see cref="AtomicFile"/>,
/// so a killed run never leaves half an image under the final name.</summary>
static class PngFile
{
    public static string Save(Plot plot, string path, int width, int height)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
        return path;
    }
}
