using Eoi.Autograd;
using Eoi.Core;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Analysis;

/// <summary>
/// The input-output Jacobian of a classifier, measured as the authors' --record_jacobian does (paper.md
/// §6.1): for every sample of a batch, the classes x input-features Jacobian of the logits with respect to
/// the input, and its singular values. One backward pass per class yields row k of every sample's Jacobian at
/// once, since samples do not interact (the model is put in evaluation mode so batch normalisation uses its
/// running statistics and keeps samples independent).
/// </summary>
public static class InputOutputJacobian
{
    /// <summary>Every sample's Jacobian, each classes x features, row-major.</summary>
    public static double[][] Compute(Module model, ReadOnlySpan<float> inputs, Shape shape)
    {
        Guard.NotNull(model, nameof(model));
        var parameters = model.Parameters();
        if (parameters.Count == 0)
            throw new EoiArgumentException(nameof(model), "model must have parameters to measure a Jacobian");
        var reference = parameters[0].Parameter.Value;
        int batch = shape[0], features = shape.ElementsFrom(1);
        bool wasTraining = model.IsTraining;
        model.SetTraining(false);
        try
        {
            using var scope = TensorScope.Begin();
            var x = HostTensors.Upload(reference.Backend, reference.ElementType, shape, Array.ConvertAll(inputs.ToArray(), v => (double)v), requiresGrad: true);
            var logits = model.Forward(x);
            int classes = logits.Shape[1];
            var jacobians = new double[batch][];
            for (int n = 0; n < batch; n++) jacobians[n] = new double[classes * features];
            for (int k = 0; k < classes; k++)
            {
                var seed = new double[batch * classes];
                for (int n = 0; n < batch; n++) seed[n * classes + k] = 1;
                logits.Backward(HostTensors.Constant(logits, logits.Shape, seed));
                var rows = HostTensors.Read(x.Grad!);
                for (int n = 0; n < batch; n++)
                    Array.Copy(rows, n * features, jacobians[n], k * features, features);
                x.ClearGrad();
            }
            return jacobians;
        }
        finally
        {
            // The passes above accumulated parameter gradients nobody asked for.
            foreach (var (_, parameter) in model.Parameters()) parameter.Value.ClearGrad();
            model.SetTraining(wasTraining);
        }
    }

    /// <summary>All singular values of all samples' Jacobians (batch x min(classes, features) values).</summary>
    public static double[] SingularValuesOf(Module model, ReadOnlySpan<float> inputs, Shape shape)
    {
        var jacobians = Compute(model, inputs, shape);
        int features = shape.ElementsFrom(1);
        return [.. jacobians.SelectMany(j => SingularValues.Of(j, j.Length / features, features))];
    }
}
