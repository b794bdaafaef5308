
namespace Eoi.Backends.Conformance.Tests;

/// <summary>
/// One optimiser step as <see cref="SgdHyperparameters"/> and <see cref="AdamHyperparameters"/> define it, in
/// float64, from the state the device held before the step and with the hyperparameters rounded as the device
/// rounds them (the parameter <c>round</c>). Bounds count each step's roundings against the size of its terms.
/// </summary>
static class OptimizerReference
{
    public static (Expected Parameter, Expected Momentum) Sgd(SgdHyperparameters h, double[] parameter, double[] grad, double[] momentum,
        bool firstStep, Func<double, double> round, double u)
    {
        double lr = round(h.LearningRate), mu = round(h.Momentum), decay = round(h.WeightDecay);
        int n = parameter.Length;
        var (p, pBound, buffer, bufferBound) = (new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            double g = grad[i] + decay * parameter[i], gSize = Math.Abs(grad[i]) + Math.Abs(decay * parameter[i]);
            if (h.Momentum != 0)
            {
                double previous = firstStep ? 0 : mu * momentum[i];
                buffer[i] = previous + g;
                bufferBound[i] = Tolerances.Rounded(4, Math.Abs(previous) + gSize, u);
                gSize += Math.Abs(previous) + (h.Nesterov ? mu * (Math.Abs(previous) + gSize) : 0);
                g = h.Nesterov ? g + mu * buffer[i] : buffer[i];
            }
            p[i] = parameter[i] - lr * g;
            pBound[i] = Tolerances.Rounded(8, Math.Abs(parameter[i]) + lr * gSize, u);
        }
        return (new Expected(p, pBound), new Expected(buffer, bufferBound));
    }

    public static (Expected Parameter, Expected First, Expected Second) Adam(AdamHyperparameters h, int step, double[] parameter, double[] grad,
        double[] first, double[] second, Func<double, double> round, double u)
    {
        double beta1 = round(h.Beta1), beta2 = round(h.Beta2), oneMinusBeta1 = round(1 - h.Beta1), oneMinusBeta2 = round(1 - h.Beta2);
        double stepSize = round(h.LearningRate / (1 - Math.Pow(h.Beta1, step)));
        double correction = round(Math.Sqrt(1 - Math.Pow(h.Beta2, step)));
        double epsilon = round(h.Epsilon), decay = round(h.WeightDecay);
        int n = parameter.Length;
        var (p, pBound, m, mBound, v, vBound) = (new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            double g = grad[i] + decay * parameter[i], gSize = Math.Abs(grad[i]) + Math.Abs(decay * parameter[i]);
            m[i] = beta1 * first[i] + oneMinusBeta1 * g;
            double mSize = beta1 * Math.Abs(first[i]) + oneMinusBeta1 * gSize;
            mBound[i] = Tolerances.Rounded(6, mSize, u);
            v[i] = beta2 * second[i] + oneMinusBeta2 * g * g;
            vBound[i] = Tolerances.Rounded(8, beta2 * second[i] + oneMinusBeta2 * gSize * gSize, u);
            double denominator = Math.Sqrt(v[i]) / correction + epsilon;
            p[i] = parameter[i] - stepSize * m[i] / denominator;
            // The update's error relative to its size (m's terms, not m, which may cancel): m's (6), half of
            // v's (4) and sqrt's (1), the division by the correction, the epsilon sum, the product and the
            // quotient (4); then the subtraction.
            pBound[i] = Tolerances.Rounded(16, Math.Abs(parameter[i]) + stepSize * mSize / denominator, u);
        }
        return (new Expected(p, pBound), new Expected(m, mBound), new Expected(v, vBound));
    }
}
