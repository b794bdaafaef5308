// Activations and their derivatives, the CPU backend's formulas term for term (Backends.Cpu/Kernels/
// ActivationOperators.cs and GradientOperators.cs). Kinks follow PyTorch: ReLU and leaky ReLU take the
// right branch only for x > 0, HardTanh passes the gradient only strictly inside (-1, 1). NaN propagates
// through every forward. Identity is a copy and has no kernel. Only tanh and SELU, through tanhf/expf, are
// not bit-identical to the CPU; see README.md for their tolerance.

// SELU's constants (Klambauer et al. 2017), rounded to real as the CPU rounds them: lambda * alpha is the
// double product rounded once for the forward, and the product of the two rounded constants for the
// backward (SeluOperator.LambdaAlpha and SeluGradientOperator.LambdaAlpha respectively).
#define SELU_LAMBDA 1.0507009873554804934193349852946
#define SELU_ALPHA 1.6732632423543772848170429916717

extern "C" __global__ void tanh_forward(int count, const real* x, real* y)
{
    EOI_FOR_EACH(i, count) y[i] = eoi_tanh(x[i]);
}

// max(x, 0) with IEEE maximum's NaN propagation (TensorPrimitives.Max), which fmax would not give.
extern "C" __global__ void relu_forward(int count, const real* x, real* y)
{
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        y[i] = (v > real(0) || v != v) ? v : real(0);
    }
}

extern "C" __global__ void leaky_relu_forward(int count, real slope, const real* x, real* y)
{
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        y[i] = v > real(0) ? v : v * slope;
    }
}

// clamp(x, -1, 1); NaN compares false both ways and passes through.
extern "C" __global__ void hard_tanh_forward(int count, const real* x, real* y)
{
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        y[i] = v < real(-1) ? real(-1) : (v > real(1) ? real(1) : v);
    }
}

extern "C" __global__ void selu_forward(int count, const real* x, real* y)
{
    const real lambda = real(SELU_LAMBDA);
    const real lambdaAlpha = real(SELU_LAMBDA * SELU_ALPHA);
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        y[i] = v > real(0) ? lambda * v : lambdaAlpha * (eoi_exp(v) - real(1));
    }
}

// dx = dy * (1 - y^2), from the forward output.
extern "C" __global__ void tanh_backward(int count, const real* y, const real* dy, real* dx)
{
    EOI_FOR_EACH(i, count)
    {
        real v = y[i];
        dx[i] = dy[i] * (real(1) - v * v);
    }
}

extern "C" __global__ void relu_backward(int count, const real* x, const real* dy, real* dx)
{
    EOI_FOR_EACH(i, count) dx[i] = x[i] > real(0) ? dy[i] : real(0);
}

extern "C" __global__ void leaky_relu_backward(int count, real slope, const real* x, const real* dy, real* dx)
{
    EOI_FOR_EACH(i, count) dx[i] = x[i] > real(0) ? dy[i] : dy[i] * slope;
}

extern "C" __global__ void hard_tanh_backward(int count, const real* x, const real* dy, real* dx)
{
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        dx[i] = (v > real(-1) && v < real(1)) ? dy[i] : real(0);
    }
}

extern "C" __global__ void selu_backward(int count, const real* x, const real* dy, real* dx)
{
    const real lambda = real(SELU_LAMBDA);
    const real lambdaAlpha = real(SELU_LAMBDA) * real(SELU_ALPHA);
    EOI_FOR_EACH(i, count)
    {
        real v = x[i];
        dx[i] = v > real(0) ? lambda * dy[i] : lambdaAlpha * eoi_exp(v) * dy[i];
    }
}
