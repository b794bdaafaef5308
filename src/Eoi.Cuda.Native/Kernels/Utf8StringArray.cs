using System.Runtime.InteropServices;

namespace Eoi.Cuda.Native;

/// <summary>NUL-terminated UTF-8 copies of some strings in native memory, plus the char** array pointing at
/// them, as NVRTC and cuModuleGetFunction want; freed on dispose.</summary>
sealed unsafe class Utf8StringArray : IDisposable
{
    readonly byte** pointers;

    public Utf8StringArray(IReadOnlyList<string> strings)
    {
        Count = strings.Count;
        pointers = (byte**)NativeMemory.AllocZeroed((nuint)Math.Max(1, Count), (nuint)sizeof(byte*));
        for (int i = 0; i < Count; i++) pointers[i] = (byte*)Marshal.StringToCoTaskMemUTF8(strings[i]);
    }

    public int Count { get; }

    public byte** Pointers => pointers;

    public byte* this[int index] => pointers[index];

    public void Dispose()
    {
        for (int i = 0; i < Count; i++) Marshal.FreeCoTaskMem((nint)pointers[i]);
        NativeMemory.Free(pointers);
    }
}
