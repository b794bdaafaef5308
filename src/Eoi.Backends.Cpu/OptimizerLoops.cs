using System.Numerics;

namespace Eoi.Backends.Cpu;

/// <summary>In-place SGD and Adam updates, term for term as <see cref="SgdHyperparameters"/> and
/// <see cref="AdamHyperparameters"/> state them.</summary>
static class OptimizerLoops
{
    public static void Sgd<T>(SgdHyperparameters h, Span<T> parameter, ReadOnlySpan<T> grad, Span<T> momentumBuffer, bool firstStep)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T lr = T.CreateTruncating(h.LearningRate), momentum = T.CreateTruncating(h.Momentum), decay = T.CreateTruncating(h.WeightDecay);
        bool useMomentum = h.Momentum != 0;
        for (int i = 0; i < parameter.Length; i++)
        {
            var g = grad[i] + decay * parameter[i];
            if (useMomentum)
            {
                var buf = firstStep ? g : momentum * momentumBuffer[i] + g;
                momentumBuffer[i] = buf;
                g = h.Nesterov ? g + momentum * buf : buf;
            }
            parameter[i] -= lr * g;
        }
    }

    public static void Adam<T>(AdamHyperparameters h, int step, Span<T> parameter, ReadOnlySpan<T> grad, Span<T> m, Span<T> v)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T beta1 = T.CreateTruncating(h.Beta1), beta2 = T.CreateTruncating(h.Beta2), decay = T.CreateTruncating(h.WeightDecay);
        T oneMinusBeta1 = T.CreateTruncating(1 - h.Beta1), oneMinusBeta2 = T.CreateTruncating(1 - h.Beta2);
        T stepSize = T.CreateTruncating(h.LearningRate / (1 - Math.Pow(h.Beta1, step)));
        T secondCorrectionRoot = T.CreateTruncating(Math.Sqrt(1 - Math.Pow(h.Beta2, step)));
        T epsilon = T.CreateTruncating(h.Epsilon);
        for (int i = 0; i < parameter.Length; i++)
        {
            var g = grad[i] + decay * parameter[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * g;
            v[i] = beta2 * v[i] + oneMinusBeta2 * g * g;
            var denominator = T.Sqrt(v[i]) / secondCorrectionRoot + epsilon;
            parameter[i] -= stepSize * m[i] / denominator;
        }
    }
}
