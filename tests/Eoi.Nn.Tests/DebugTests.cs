using Eoi.Autograd;
using Eoi.Core.Backend;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;
using static Eoi.Nn.Tests.TestData;
namespace Eoi.Nn.Tests;
public class DebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug()
    {
        using var sparse = new SparseLinear(Cpu, 40, 30, elementType: ElementType.Float64);
        sparse.Assign(Uniform(1, 1200), Mask(2, 1200, 0.2));
        sparse.Bias!.Assign(Uniform(3, 30));
        using var scope = TensorScope.Begin();
        var x = HostTensors.Upload(Cpu, ElementType.Float64, [8, 40], Uniform(10, 320), requiresGrad: true);
        var y0 = x.SparseLinear(SparseParameter.FromCsr(Cpu, new Core.CsrMatrix(sparse.Pattern, new double[sparse.Pattern.ColumnIndices.Length]), ElementType.Float64));
        var y = sparse.Forward(x);
        Assert.Fail(string.Join(",", HostTensors.Read(y).Take(5)) + " | " + string.Join(",", sparse.ReadWeight().Take(5)) + " | " + sparse.Pattern.NonZeros + " | " + string.Join(",", HostTensors.Read(x).Take(5)));
    }
}
