using Eoi.Core;

namespace Eoi.Sparsity.Tests.Support;

public static class Rejections
{
    /// <summary>The call throws an <see cref="EoiArgumentException"/> naming the parameter and holding each range part.</summary>
    public static EoiArgumentException AssertRejected(Action call, string parameter, params string[] messageParts)
    {
        var error = Assert.Throws<EoiArgumentException>(call);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains(parameter, error.Message);
        foreach (string part in messageParts)
            Assert.Contains(part, error.Message);
        return error;
    }
}
