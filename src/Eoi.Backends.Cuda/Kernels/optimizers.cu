// In-place SGD and Adam steps, term for term as SgdHyperparameters and AdamHyperparameters state them and in
// the CPU backend's order of operations (Backends.Cpu/OptimizerLoops.cs): with --fmad=false every rounding is
// the CPU's, so the updated parameters are bit-identical. Hyperparameters arrive already rounded to real.

// momentumBuffer is read only when useMomentum is set, and read as well as written only when firstStep is not.
extern "C" __global__ void sgd_step(int count, real learningRate, real momentum, real weightDecay,
                                    int useMomentum, int nesterov, int firstStep,
                                    real* parameter, const real* grad, real* momentumBuffer)
{
    EOI_FOR_EACH(i, count)
    {
        real g = grad[i] + weightDecay * parameter[i];
        if (useMomentum)
        {
            real buffer = firstStep ? g : momentum * momentumBuffer[i] + g;
            momentumBuffer[i] = buffer;
            g = nesterov ? g + momentum * buffer : buffer;
        }
        parameter[i] = parameter[i] - learningRate * g;
    }
}

// stepSize = lr / (1 - beta1^t) and secondCorrectionRoot = sqrt(1 - beta2^t) are computed on the host in
// double, as the CPU does, then rounded to real.
extern "C" __global__ void adam_step(int count, real beta1, real beta2, real oneMinusBeta1, real oneMinusBeta2,
                                     real stepSize, real secondCorrectionRoot, real epsilon, real weightDecay,
                                     real* parameter, const real* grad, real* firstMoment, real* secondMoment)
{
    EOI_FOR_EACH(i, count)
    {
        real g = grad[i] + weightDecay * parameter[i];
        real m = beta1 * firstMoment[i] + oneMinusBeta1 * g;
        real v = beta2 * secondMoment[i] + oneMinusBeta2 * g * g;
        firstMoment[i] = m;
        secondMoment[i] = v;
        real denominator = eoi_sqrt(v) / secondCorrectionRoot + epsilon;
        parameter[i] = parameter[i] - stepSize * m / denominator;
    }
}
