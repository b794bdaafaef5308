namespace Eoi.TestSupport;

/// <summary>Runs code with at most a given number of threads for the Parallel.For and tasks it starts (they
/// run on <see cref="TaskScheduler.Current"/>, here a scheduler of that concurrency), so a test can compare a
/// result made on one thread with one made on several without a thread-count setting in the code under test.</summary>
public static class LimitedThreads
{
    public static T Run<T>(int threads, Func<T> work)
    {
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
        return Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, scheduler).GetAwaiter().GetResult();
    }
}
