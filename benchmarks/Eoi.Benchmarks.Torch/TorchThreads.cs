namespace Eoi.Benchmarks.Torch;

/// <summary>Both libraries get the same two threads (this machine's core count when the figures were taken).</summary>
static class TorchThreads
{
    public const int Count = 2;
}
