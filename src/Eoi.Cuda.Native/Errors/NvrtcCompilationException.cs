namespace Eoi.Cuda.Native;

/// <summary>nvrtcCompileProgram failed; <see cref="Log"/> is NVRTC's compile log (also in the message,
/// since the log is what says which line is wrong).</summary>
public sealed class NvrtcCompilationException : CudaException
{
    public string Log { get; }

    public NvrtcCompilationException(NvrtcResult result, string programName, string log)
        : base("nvrtcCompileProgram", CudaStatusNames.Of(result), (int)result,
               $"{programName} did not compile:{Environment.NewLine}{log.TrimEnd()}")
    {
        Log = log;
    }
}
