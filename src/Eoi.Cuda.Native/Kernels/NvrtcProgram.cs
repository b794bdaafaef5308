using System.Runtime.InteropServices;
using System.Text;

namespace Eoi.Cuda.Native;

/// <summary>An NVRTC program (host-side only: compiling needs no device), destroyed on dispose.</summary>
public sealed unsafe class NvrtcProgram : SafeHandle
{
    NvrtcProgram(nint program, string name) : base(0, ownsHandle: true)
    {
        Name = name;
        SetHandle(program);
    }

    /// <summary>The file name NVRTC uses in its log ("saxpy.cu(3): error: ...").</summary>
    public string Name { get; }

    public override bool IsInvalid => handle == 0;

    public static NvrtcProgram Create(string source, string name)
    {
        CudaLibraries.Require(CudaLibrary.Nvrtc);
        using var strings = new Utf8StringArray([source, name]);
        CudaCheck.Nvrtc(NvrtcApi.nvrtcCreateProgram(out nint program, strings[0], strings[1], 0, null, null));
        return new NvrtcProgram(program, name);
    }

    /// <summary>Throws <see cref="NvrtcCompilationException"/>, carrying the log, when compilation fails.</summary>
    public void Compile(IReadOnlyList<string> options)
    {
        using var encoded = new Utf8StringArray(options);
        var result = NvrtcApi.nvrtcCompileProgram(Raw, encoded.Count, encoded.Pointers);
        if (result != NvrtcResult.NVRTC_SUCCESS) throw new NvrtcCompilationException(result, Name, Log());
    }

    public string Log()
    {
        CudaCheck.Nvrtc(NvrtcApi.nvrtcGetProgramLogSize(Raw, out nuint size));
        byte[] log = new byte[(int)size];
        fixed (byte* text = log) CudaCheck.Nvrtc(NvrtcApi.nvrtcGetProgramLog(Raw, text));
        return Encoding.UTF8.GetString(log).TrimEnd('\0');
    }

    /// <summary>The PTX text including its terminating NUL, ready for <see cref="CudaModule.Load"/>.</summary>
    public byte[] Ptx()
    {
        CudaCheck.Nvrtc(NvrtcApi.nvrtcGetPTXSize(Raw, out nuint size));
        byte[] ptx = new byte[(int)size];
        fixed (byte* text = ptx) CudaCheck.Nvrtc(NvrtcApi.nvrtcGetPTX(Raw, text));
        return ptx;
    }

    nint Raw
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    protected override bool ReleaseHandle()
    {
        nint program = handle;
        return NvrtcApi.nvrtcDestroyProgram(ref program) == NvrtcResult.NVRTC_SUCCESS;
    }
}
