namespace Eoi.Backends;

/// <summary>An elementwise operation on two buffers of equal length.</summary>
public enum BinaryOp
{
    Add,
    Multiply,
}
