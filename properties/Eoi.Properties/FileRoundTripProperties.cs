using Eoi.Core;
using Eoi.IO;
using Eoi.Oracle;
using Eoi.Orthogonal;

namespace Eoi.Properties;

/// <summary>Every file format gives back exactly what was written: shape, dtype and every value's bits.</summary>
public sealed class FileRoundTripProperties : IDisposable
{
    readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("eoi-properties-");

    public void Dispose() => _directory.Delete(recursive: true);

    string PathFor(string extension) => Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N") + extension);

    [Fact]
    public void NpyKeepsValuesFloat32AndMask() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var matrix = c.Generate();
            foreach (var array in new[] { matrix.ToDense(), matrix.ToDenseFloat32(), matrix.MaskToDense() })
            {
                string path = PathFor(".npy");
                NpyFile.Write(path, array);
                AssertSameArray(array, NpyFile.Read(path));
            }
        });

    [Fact]
    public void SafetensorsKeepsAKernelItsMaskAndMetadata() =>
        PropertyRuns.Check(Generators.Kernels(), c =>
        {
            var kernel = c.Generate();
            var metadata = new Dictionary<string, string> { ["case"] = c.ToString() };
            string path = PathFor(".safetensors");
            SafetensorsFile.Write(path, new Dictionary<string, NdArray> { ["weight"] = kernel.Values, ["mask"] = kernel.Mask }, metadata);
            var content = SafetensorsFile.Read(path);
            AssertSameArray(kernel.Values, content.Tensors["weight"]);
            AssertSameArray(kernel.Mask, content.Tensors["mask"]);
            Assert.Equal(metadata, content.Metadata);
        });

    [Fact]
    public void MatrixMarketKeepsTheSparseMatrixAndTheDenseValues() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var matrix = c.Generate();
            string sparsePath = PathFor(".mtx"), densePath = PathFor(".mtx"), maskPath = PathFor(".mtx");
            MatrixMarketFile.Write(sparsePath, matrix.Weights);
            var sparse = MatrixMarketFile.ReadSparse(sparsePath);
            Assert.Equal(matrix.Weights.Pattern.RowOffsets, sparse.Pattern.RowOffsets);
            Assert.Equal(matrix.Weights.Pattern.ColumnIndices, sparse.Pattern.ColumnIndices);
            Assert.Equal(Bits(matrix.Weights.Values.ToArray()), Bits(sparse.Values.ToArray()));

            MatrixMarketFile.Write(densePath, matrix.ToDense());
            AssertSameArray(matrix.ToDense(), MatrixMarketFile.Read(densePath));
            MatrixMarketFile.Write(maskPath, matrix.MaskToDense());
            AssertSameArray(matrix.MaskToDense(), MatrixMarketFile.Read(maskPath));
        });

    [Fact]
    public void RotationPlanFileReplaysToTheSameBits() =>
        PropertyRuns.Check(Generators.Matrices(), c =>
        {
            var generated = c.Generate();
            string path = PathFor(".jsonl");
            RotationPlanFile.Write(path, generated.Plan);
            var plan = RotationPlanFile.Read(path);
            Assert.Equal((generated.Plan.Rows, generated.Plan.Cols, generated.Plan.Rule, generated.Plan.Key),
                         (plan.Rows, plan.Cols, plan.Rule, plan.Key));
            Assert.Equal(BitConverter.DoubleToInt64Bits(generated.Plan.TargetDensity), BitConverter.DoubleToInt64Bits(plan.TargetDensity));
            Assert.Equal(generated.Plan.Rotations, plan.Rotations);
            Assert.Equal(Bits(generated.Weights.Values.ToArray()), Bits(SparseOrthogonal.Materialize(plan, c.Gain).Weights.Values.ToArray()));
        });

    static long[] Bits(ReadOnlySpan<double> values) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(values).ToArray();

    static void AssertSameArray(NdArray expected, NdArray actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.ElementType, actual.ElementType);
        Assert.Equal(Bits(expected.Data), Bits(actual.Data));
    }
}
