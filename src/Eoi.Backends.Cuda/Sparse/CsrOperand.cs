using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda.Sparse;

/// <summary>A CSR matrix as cuSPARSE takes it: its shape and the device addresses of its three arrays.</summary>
readonly record struct CsrOperand(int Rows, int Cols, int NonZeros, DevicePointer RowOffsets, DevicePointer ColumnIndices, DevicePointer Values);
