using Eoi.Autograd.Optim;
using Eoi.Core;

namespace Eoi.Autograd.Tests.Optim;

public class ScheduleTests
{
    [Fact]
    public void MultiStepDecaysAtHalfAndThreeQuartersLikeThePaper()
    {
        var schedule = MultiStepSchedule.HalfAndThreeQuarters(0.1, 100);
        Assert.Equal([50, 75], schedule.Milestones);
        Assert.Equal(0.1, schedule.At(0));
        Assert.Equal(0.1, schedule.At(49));
        Assert.Equal(0.01, schedule.At(50), 1e-17);
        Assert.Equal(0.01, schedule.At(74), 1e-17);
        Assert.Equal(0.001, schedule.At(75), 1e-17);
        Assert.Equal([60, 90], MultiStepSchedule.HalfAndThreeQuarters(0.1, 120).Milestones);
    }

    [Theory]
    [InlineData(1, new[] { 1, 2 }, new[] { 1.0 })]
    [InlineData(2, new[] { 1, 2 }, new[] { 1.0, 0.1 })]
    [InlineData(3, new[] { 1, 2 }, new[] { 1.0, 0.1, 0.01 })]
    [InlineData(4, new[] { 2, 3 }, new[] { 1.0, 1.0, 0.1, 0.01 })]
    [InlineData(5, new[] { 2, 3 }, new[] { 1.0, 1.0, 0.1, 0.01, 0.01 })]
    public void ShortRunsNeverDropAtTheFirstEpochNorTwiceAtOnce(int epochs, int[] milestones, double[] rates)
    {
        var schedule = MultiStepSchedule.HalfAndThreeQuarters(1, epochs);
        Assert.Equal(milestones, schedule.Milestones);
        Assert.Equal(rates, Enumerable.Range(0, epochs).Select(e => Math.Round(schedule.At(e), 12)));
    }

    [Fact]
    public void CosineGoesFromBaseToMinimum()
    {
        var schedule = new CosineSchedule(0.1, 10, minRate: 0.001);
        Assert.Equal(0.1, schedule.At(0), 1e-17);
        Assert.Equal((0.1 + 0.001) / 2, schedule.At(5), 1e-17);
        Assert.Equal(0.001, schedule.At(10), 1e-17);
        Assert.True(schedule.At(3) > schedule.At(4));
    }

    [Fact]
    public void RejectsNegativeEpochs() =>
        Assert.Equal("epoch", Assert.Throws<EoiArgumentException>(() => new CosineSchedule(0.1, 10).At(-1)).ParameterName);
}
