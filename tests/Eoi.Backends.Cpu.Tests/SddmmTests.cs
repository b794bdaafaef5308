using Eoi.Backends.Cpu.Tests.Support;

namespace Eoi.Backends.Cpu.Tests;

public class SddmmTests
{
    /// <summary>n = 1..256 covers the 4-vector loop, the 1-vector loop and the scalar tail at every width.</summary>
    [Fact]
    public void EveryDotLengthMatchesReference()
    {
        Csr pattern = TestData.RandomCsr(7, 11, 0.4, seed: 9);
        for (int n = 1; n <= 256; n++)
        {
            SparseCheck.SddmmAgainstReference<float>(pattern, n, seed: n);
            SparseCheck.SddmmAgainstReference<double>(pattern, n, seed: n);
        }
    }

    [Theory]
    [InlineData(1, 1, 1.0, 1)]
    [InlineData(1, 50, 1.0, 7)]
    [InlineData(50, 1, 1.0, 300)]
    [InlineData(17, 31, 0.2, 65)]
    [InlineData(120, 90, 0.0, 8)]
    [InlineData(130, 70, 0.1, 128)]
    public void ShapesMatchReference(int rows, int cols, double density, int n)
    {
        Csr pattern = TestData.RandomCsr(rows, cols, density, seed: rows * cols);
        SparseCheck.SddmmAgainstReference<float>(pattern, n, seed: n);
        SparseCheck.SddmmAgainstReference<double>(pattern, n, seed: n);
    }
}
