namespace Eoi.Autograd;

/// <summary>
/// Whether operations record the graph that <see cref="Tensor.Backward()"/> walks. Recording is on by default
/// and off inside <c>using (GradMode.Disable()) { ... }</c> on the same thread (evaluation, optimiser steps,
/// and the backward walk itself). Scopes nest.
/// </summary>
public static class GradMode
{
    [ThreadStatic] static int disabledDepth;

    public static bool IsEnabled => disabledDepth == 0;

    public static NoGradScope Disable()
    {
        disabledDepth++;
        return new NoGradScope();
    }

    /// <summary>Ends one <see cref="Disable"/>; disposing it twice ends it once.</summary>
    public sealed class NoGradScope : IDisposable
    {
        bool ended;

        internal NoGradScope() { }

        public void Dispose()
        {
            if (ended) return;
            ended = true;
            disabledDepth--;
        }
    }
}
