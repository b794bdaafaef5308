namespace Eoi.Nn.Training;

/// <summary>An <see cref="IProgress{T}"/> that runs its action on the reporting thread, in order. (System's
/// Progress&lt;T&gt; posts to a synchronisation context or the thread pool, so reports can arrive late or out of order.)</summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
