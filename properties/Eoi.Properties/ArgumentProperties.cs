using Eoi.Core;

namespace Eoi.Properties;

public class ArgumentProperties
{
    [Fact]
    public void EveryOutOfRangeArgumentIsNamedWithItsRange() =>
        PropertyRuns.Check(BadCalls.All(), bad =>
        {
            var error = Assert.Throws<EoiArgumentException>(bad.Call);
            Assert.Equal(bad.Parameter, error.ParameterName);
            Assert.Contains(bad.Parameter, error.Message);
            Assert.Contains(bad.Range, error.Message);
        });
}
