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

    public static MultiStepSchedule HalfAndThreeQuarters(double baseRate, int epochs) =>
        new(baseRate, [epochs / 2, 3 * epochs / 4]);

    public double At(int epoch)
    {
        Guard.InRange(epoch, 0, int.MaxValue, nameof(epoch));
        int passed = milestones.Count(m => m <= epoch);
        return BaseRate * Math.Pow(Gamma, passed);
    }
}
