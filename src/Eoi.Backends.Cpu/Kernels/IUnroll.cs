namespace Eoi.Backends.Cpu.Kernels;

/// <summary>
/// A compile-time count of vectors processed side by side. A kernel body written for the largest count
/// guards its extra accumulators with <c>if (TUnroll.Vectors > 2)</c> and the like; the JIT folds those
/// tests per instantiation, so one body yields the 8-, 4-, 2- and 1-vector versions.
/// </summary>
internal interface IUnroll
{
    static abstract int Vectors { get; }
}

internal readonly struct Unroll8 : IUnroll { public static int Vectors => 8; }

internal readonly struct Unroll4 : IUnroll { public static int Vectors => 4; }

internal readonly struct Unroll2 : IUnroll { public static int Vectors => 2; }

internal readonly struct Unroll1 : IUnroll { public static int Vectors => 1; }
