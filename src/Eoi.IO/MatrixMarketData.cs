namespace Eoi.IO;

/// <summary>The entries of a Matrix Market coordinate file, 0-based, distinct and sorted row-major.
/// <see cref="IsPattern"/> files carry no values; theirs are all 1.</summary>
sealed record MatrixMarketData(int Rows, int Cols, bool IsPattern, int[] RowIndices, int[] ColIndices, double[] Values);
