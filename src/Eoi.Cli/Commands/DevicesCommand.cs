using System.CommandLine;
using Eoi.Backends.Cuda;
using Eoi.Cli.Terminal;
using Eoi.Cuda.Native;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi devices</c>: what CUDA this machine offers, or why it offers none.</summary>
static class DevicesCommand
{
    const string Description = """
        Show what the CUDA probe finds: driver version, each device's name, memory and compute capability, the
        cuBLAS, cuSPARSE and NVRTC versions and the files loaded, and whether the CUDA backend opens on device 0
        (its kernels compile and run). Without a usable CUDA it prints one line saying why. Either way the exit
        code is 0: a machine without a GPU is not an error. Libraries are searched for as
        src/Eoi.Cuda.Native/README.md describes (EOI_CUDA_LIB_DIR and friends point elsewhere).

        Examples:
          eoi devices
          eoi devices --verbose
        """;

    public static Command Create(IAnsiConsole console)
    {
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also list every path tried for every library, and what happened there." };
        var command = new Command("devices", Description) { verbose };
        command.SetAction(parsed =>
        {
            var probe = CudaProbe.Detect();
            DevicesView.Render(console, probe, probe.IsAvailable ? OpenBackend() : null, parsed.GetValue(verbose));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The probe only loads libraries; opening the backend also compiles and runs a kernel.</summary>
    static string OpenBackend()
    {
        if (!CudaBackend.TryCreate(out var backend, out string reason)) return reason;
        using (backend) return $"ready on device 0, {backend.Device.Name}: kernels compile and run";
    }
}
