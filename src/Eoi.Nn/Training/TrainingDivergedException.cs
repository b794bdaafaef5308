using System.Globalization;
using Eoi.Core;

namespace Eoi.Nn.Training;

/// <summary>Training produced a NaN or infinite loss; the message names where and what to try.</summary>
public sealed class TrainingDivergedException : EoiException
{
    public TrainingDivergedException(int epoch, string where, double loss, double learningRate)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"training diverged in epoch {epoch}, {where}: the loss is {loss} (learning rate {learningRate:G4}); lower the learning rate or check the initialisation"))
    {
        Epoch = epoch;
        Loss = loss;
    }

    public int Epoch { get; }
    public double Loss { get; }
}
