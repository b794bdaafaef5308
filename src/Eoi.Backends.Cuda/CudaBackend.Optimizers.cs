using Eoi.Backends.Cuda.Kernels;
using Eoi.Core;
using Eoi.Cuda.Native;

namespace Eoi.Backends.Cuda;

// Optimiser updates in place (optimizers.cu).
public sealed partial class CudaBackend
{
    public void SgdStep(SgdHyperparameters hyper, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer? momentumBuffer, bool firstStep)
    {
        hyper.Validate();
        int n = parameter.Length;
        bool useMomentum = hyper.Momentum != 0;
        var type = Floating(parameter, grad);
        var momentum = DevicePointer.Null;
        if (useMomentum)
        {
            Guard.NotNull(momentumBuffer, nameof(momentumBuffer));
            Floating(parameter, momentumBuffer!);
            momentum = Pointer(momentumBuffer!, n, nameof(momentumBuffer));
        }
        kernels.ForEach(KernelModule.Optimizers, "sgd_step", type, n, new KernelArguments().Add(n)
            .Real(hyper.LearningRate, type).Real(hyper.Momentum, type).Real(hyper.WeightDecay, type)
            .Flag(useMomentum).Flag(hyper.Nesterov).Flag(firstStep)
            .Add(Pointer(parameter, n, nameof(parameter))).Add(Pointer(grad, n, nameof(grad))).Add(momentum));
    }

    /// <summary>The bias corrections are computed here in double and rounded once, as the CPU does.</summary>
    public void AdamStep(AdamHyperparameters hyper, int step, DeviceBuffer parameter, DeviceBuffer grad, DeviceBuffer firstMoment, DeviceBuffer secondMoment)
    {
        hyper.Validate();
        Guard.Positive(step, nameof(step));
        int n = parameter.Length;
        var type = Floating(parameter, grad, firstMoment, secondMoment);
        kernels.ForEach(KernelModule.Optimizers, "adam_step", type, n, new KernelArguments().Add(n)
            .Real(hyper.Beta1, type).Real(hyper.Beta2, type).Real(1 - hyper.Beta1, type).Real(1 - hyper.Beta2, type)
            .Real(hyper.LearningRate / (1 - Math.Pow(hyper.Beta1, step)), type)
            .Real(Math.Sqrt(1 - Math.Pow(hyper.Beta2, step)), type)
            .Real(hyper.Epsilon, type).Real(hyper.WeightDecay, type)
            .Add(Pointer(parameter, n, nameof(parameter))).Add(Pointer(grad, n, nameof(grad)))
            .Add(Pointer(firstMoment, n, nameof(firstMoment))).Add(Pointer(secondMoment, n, nameof(secondMoment))));
    }
}
