using Eoi.Core;

namespace Eoi.Autograd.Optim;

/// <summary>PyTorch's CosineAnnealingLR in closed form: MinRate + (BaseRate - MinRate)(1 + cos(pi e / Epochs)) / 2.</summary>
public sealed class CosineSchedule : ILearningRateSchedule
{
    public CosineSchedule(double baseRate, int epochs, double minRate = 0)
    {
        Guard.InRange(baseRate, 0, double.MaxValue, nameof(baseRate));
        Guard.Positive(epochs, nameof(epochs));
        Guard.InRange(minRate, 0, baseRate, nameof(minRate));
        BaseRate = baseRate;
        Epochs = epochs;
        MinRate = minRate;
    }

    public double BaseRate { get; }
    public int Epochs { get; }
    public double MinRate { get; }

    public double At(int epoch)
    {
        Guard.InRange(epoch, 0, int.MaxValue, nameof(epoch));
        return MinRate + (BaseRate - MinRate) * (1 + Math.Cos(Math.PI * epoch / Epochs)) / 2;
    }
}
