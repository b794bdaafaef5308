using Eoi.Backends;

namespace Eoi.Autograd.Optim;

/// <summary>
/// Updates parameters in place from their accumulated gradients. A parameter without a gradient (not reached
/// by the last backward) is skipped, as in PyTorch. State buffers live in each parameter's backend and are
/// freed by <see cref="Dispose"/>.
/// </summary>
public abstract class Optimizer : IDisposable
{
    protected Optimizer(IEnumerable<TrainableParameter> parameters)
    {
        Parameters = [.. parameters];
    }

    public IReadOnlyList<TrainableParameter> Parameters { get; }

    /// <summary>The learning rate of the next step; a schedule sets it once per epoch.</summary>
    public abstract double LearningRate { get; set; }

    public void Step()
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            if (parameter.Value.Grad is not { } grad) continue;
            Update(i, parameter.Value.Buffer, grad.Buffer);
            parameter.ApplyMask();
        }
    }

    /// <summary>Drops every parameter's gradient, so the next backward starts from nothing.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters) parameter.Value.ClearGrad();
    }

    /// <summary>One update of parameter <paramref name="index"/>.</summary>
    protected abstract void Update(int index, DeviceBuffer value, DeviceBuffer grad);

    /// <summary>A zeroed state buffer shaped like parameter <paramref name="index"/>.</summary>
    protected DeviceBuffer NewState(int index)
    {
        var value = Parameters[index].Value;
        return value.Backend.Allocate(value.ElementType, value.Count);
    }

    public abstract void Dispose();
}
