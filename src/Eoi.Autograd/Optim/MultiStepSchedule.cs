using Eoi.Core;

namespace Eoi.Autograd.Optim;

/// <summary>PyTorch's MultiStepLR: the base rate times Gamma for every milestone at or before the epoch.
/// The paper decays by 0.1 at floor(E/2) and floor(3E/4) (<see cref="HalfAndThreeQuarters"/>).</summary>
public sealed class MultiStepSchedule : ILearningRateSchedule
{
    readonly int[] milestones;

    public MultiStepSchedule(double baseRate, IEnumerable<int> milestones, double gamma = 0.1)
    {
        Guard.InRange(baseRate, 0, double.MaxValue, nameof(baseRate));
        Guard.InRange(gamma, 0, double.MaxValue, nameof(gamma));
        this.milestones = [.. milestones];
        foreach (int m in this.milestones) Guard.InRange(m, 0, int.MaxValue, nameof(milestones));
        BaseRate = baseRate;
        Gamma = gamma;
    }

    public double BaseRate { get; }
    public double Gamma { get; }
    public IReadOnlyList<int> Milestones => milestones;

    /// <summary>The paper's drops at floor(E/2) and floor(3E/4) (epochs counted from 0), kept apart and off epoch 0
    /// for short runs: the first at max(1, floor(E/2)), the second at max(first + 1, floor(3E/4)). From E = 4 on
    /// these are the paper's milestones; E = 1 trains at the base rate throughout (both milestones lie past its
    /// only epoch), E = 2 drops once (for epoch 1), E = 3 drops for epochs 1 and 2. Without the guard E = 1 put
    /// both drops at epoch 0, i.e. trained at a hundredth of the rate asked for.</summary>
    public static MultiStepSchedule HalfAndThreeQuarters(double baseRate, int epochs)
    {
        Guard.Positive(epochs, nameof(epochs));
        int first = Math.Max(1, epochs / 2);
        return new(baseRate, [first, Math.Max(first + 1, 3 * epochs / 4)]);
    }

    public double At(int epoch)
    {
        Guard.InRange(epoch, 0, int.MaxValue, nameof(epoch));
        int passed = milestones.Count(m => m <= epoch);
        return BaseRate * Math.Pow(Gamma, passed);
    }
}
