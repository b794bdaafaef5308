using System.Runtime.CompilerServices;

// The tests instantiate each SIMD width explicitly to prove the widths agree bit for bit; the benchmarks
// time single widths.
[assembly: InternalsVisibleTo("Eoi.Backends.Cpu.Tests")]
[assembly: InternalsVisibleTo("Eoi.Benchmarks")]
