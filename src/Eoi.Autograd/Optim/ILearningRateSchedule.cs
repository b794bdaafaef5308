namespace Eoi.Autograd.Optim;

/// <summary>The learning rate for an epoch (counted from 0), a pure function so a resumed run gets the same rates.</summary>
public interface ILearningRateSchedule
{
    double At(int epoch);
}
