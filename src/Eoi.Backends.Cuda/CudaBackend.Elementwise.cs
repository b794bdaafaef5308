using Eoi.Backends.Cuda.Kernels;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Element-wise arithmetic and activations (elementwise.cu, activations.cu).
public sealed partial class CudaBackend
{
    public void Binary(BinaryOp op, DeviceBuffer a, DeviceBuffer b, DeviceBuffer result)
    {
        string kernel = op switch
        {
            BinaryOp.Add => "add",
            BinaryOp.Multiply => "multiply",
            _ => throw new EoiArgumentException(nameof(op), $"op must be Add or Multiply; got {op}"),
        };
        int n = a.Length;
        var type = Floating(a, b, result);
        kernels.ForEach(KernelModule.Elementwise, kernel, type, n, new KernelArguments().Add(n)
            .Add(Pointer(a, n, nameof(a))).Add(Pointer(b, n, nameof(b))).Add(Pointer(result, n, nameof(result))));
    }

    public void Scale(double alpha, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        var type = Floating(x, y);
        kernels.ForEach(KernelModule.Elementwise, "scale", type, n, new KernelArguments().Add(n).Real(alpha, type)
            .Add(Pointer(x, n, nameof(x))).Add(Pointer(y, n, nameof(y))));
    }

    public void Axpy(double alpha, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        var type = Floating(x, y);
        kernels.ForEach(KernelModule.Elementwise, "axpy", type, n, new KernelArguments().Add(n).Real(alpha, type)
            .Add(Pointer(x, n, nameof(x))).Add(Pointer(y, n, nameof(y))));
    }

    public void Activate(Activation f, DeviceBuffer x, DeviceBuffer y)
    {
        int n = x.Length;
        var type = Floating(x, y);
        var input = Pointer(x, n, nameof(x));
        var output = Pointer(y, n, nameof(y));
        if (f.Kind == ActivationKind.Identity)
        {
            Copy(x, y);
            return;
        }
        var arguments = new KernelArguments().Add(n);
        if (f.Kind == ActivationKind.LeakyRelu) arguments.Real(f.NegativeSlope, type);
        kernels.ForEach(KernelModule.Activations, KernelPrefix(f) + "_forward", type, n, arguments.Add(input).Add(output));
    }

    /// <summary>Tanh's derivative is taken from the output y, the others' from the input x, as on the CPU.</summary>
    public void ActivateBackward(Activation f, DeviceBuffer x, DeviceBuffer y, DeviceBuffer dy, DeviceBuffer dx)
    {
        int n = x.Length;
        var type = Floating(x, y, dy, dx);
        var input = Pointer(x, n, nameof(x));
        var output = Pointer(y, n, nameof(y));
        var gradient = Pointer(dy, n, nameof(dy));
        var result = Pointer(dx, n, nameof(dx));
        if (f.Kind == ActivationKind.Identity)
        {
            Copy(dy, dx);
            return;
        }
        var arguments = new KernelArguments().Add(n);
        if (f.Kind == ActivationKind.LeakyRelu) arguments.Real(f.NegativeSlope, type);
        arguments.Add(f.Kind == ActivationKind.Tanh ? output : input).Add(gradient).Add(result);
        kernels.ForEach(KernelModule.Activations, KernelPrefix(f) + "_backward", type, n, arguments);
    }

    static string KernelPrefix(Activation f) => f.Kind switch
    {
        ActivationKind.Tanh => "tanh",
        ActivationKind.Relu => "relu",
        ActivationKind.LeakyRelu => "leaky_relu",
        ActivationKind.HardTanh => "hard_tanh",
        ActivationKind.Selu => "selu",
        _ => throw new EoiArgumentException(nameof(f), $"activation kind must be one of {string.Join(", ", Enum.GetNames<ActivationKind>())}; got {f.Kind}"),
    };
}
