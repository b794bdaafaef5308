using System.CommandLine;
using Eoi.Backends;
using Eoi.Backends.Cpu;
using Eoi.Backends.Cuda;
using Eoi.Core;

namespace Eoi.Cli.Commands;

/// <summary>--device of <c>eoi train</c> and <c>eoi experiment</c>, and the backend it names.</summary>
static class TrainBackend
{
    public static Option<string> DeviceOption() =>
        TrainOptionValues.Choice("--device", "Where to train: cpu, or cuda (device 0; see eoi devices). Default: cpu.", TrainVocabulary.Devices);

    /// <summary>The backend for <paramref name="option"/>. A CUDA that cannot open is an input error whose one line
    /// is the probe's reason ("CUDA unavailable: ..."); the caller disposes a backend that is <see cref="IDisposable"/>.</summary>
    public static IBackend Open(ParseResult parsed, Option<string> option)
    {
        if (TrainOptionValues.Word(parsed, option, TrainVocabulary.Devices, TrainDevice.Cpu) == TrainDevice.Cpu) return new CpuBackend();
        return CudaBackend.TryCreate(out var cuda, out string reason) ? cuda : throw new EoiException(reason);
    }
}
