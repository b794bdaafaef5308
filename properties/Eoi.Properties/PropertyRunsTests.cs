using FsCheck;
using FsCheck.Fluent;

namespace Eoi.Properties;

public class PropertyRunsTests
{
    [Fact]
    public void AFalsifiedPropertyFailsItsTest()
    {
        // Every property here goes through PropertyRuns.Check; if a counterexample did not throw, all of
        // them would pass vacuously.
        var error = Assert.ThrowsAny<Exception>(() =>
            PropertyRuns.Check(Arb.From(Gen.Choose(0, 100)), n => Assert.True(n < 50)));
        Assert.Contains("Falsifiable", error.Message);
    }

    [Fact]
    public void EveryCaseIsTried()
    {
        int tried = 0;
        PropertyRuns.Check(Arb.From(Gen.Constant(0)), _ => tried++);
        Assert.Equal(PropertyRuns.Count, tried);
    }
}
