using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

public class SpmmTests
{
    /// <summary>n = 1..256 covers every strip combination (8, 4, 2, 1 vectors) and scalar tail at every width.</summary>
    [Fact]
    public void EveryColumnCountMatchesReference()
    {
        Csr a = TestData.RandomCsr(9, 13, 0.3, seed: 5);
        for (int n = 1; n <= 256; n++)
        {
            SparseCheck.SpmmAgainstReference<float>(a, n, n % 3 == 0 ? 0 : 0.5, seed: n);
            SparseCheck.SpmmAgainstReference<double>(a, n, n % 2 == 0 ? 0 : -1.5, seed: n);
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 1.0, 1)]
    [InlineData(1, 40, 1.0, 0.0, 17)]
    [InlineData(40, 1, 1.0, 1.0, 3)]
    [InlineData(17, 31, 0.2, 0.0, 65)]
    [InlineData(100, 100, 0.0, 0.5, 20)]
    [InlineData(70, 300, 0.1, 0.0, 129)]
    [InlineData(200, 64, 0.05, 2.0, 33)]
    public void ShapesMatchReference(int rows, int cols, double density, double beta, int n)
    {
        Csr a = TestData.RandomCsr(rows, cols, density, seed: rows + cols);
        SparseCheck.SpmmAgainstReference<float>(a, n, beta, seed: n);
        SparseCheck.SpmmAgainstReference<double>(a, n, beta, seed: n);
    }
}
