using System.Diagnostics;
using Eoi.Autograd;
using Eoi.Autograd.Optim;
using Eoi.Backends;
using Eoi.Core;
using Eoi.Data;
using Eoi.Nn.Analysis;
using Eoi.Nn.Functional;
using Eoi.Nn.Modules;

namespace Eoi.Nn.Training;

/// <summary>
/// Static sparse training as the authors run it (paper.md §5): the masks fixed, Nesterov SGD re-applying them
/// after every step, the multi-step schedule, and after every epoch the validation and test metrics and a
/// checkpoint. Runs are deterministic for a seed: the kernels partition work in a fixed way and the only
/// randomness is the seeded batch order, so a resumed run ends with the same bits as an uninterrupted one.
/// </summary>
public sealed class Trainer
{
    readonly Module model;
    readonly TrainValidationTest data;
    readonly TrainingOptions options;

    /// <param name="data">Shaped as the model reads it (flattened for an MLP).</param>
    public Trainer(Module model, TrainValidationTest data, TrainingOptions options)
    {
        Guard.NotNull(model, nameof(model));
        Guard.NotNull(data, nameof(data));
        Guard.NotNull(options, nameof(options));
        options.Validate();
        if (data.Train.Count == 0)
            throw new EoiArgumentException(nameof(data), "the training set must hold at least one example; got none");
        this.model = model;
        this.data = data;
        this.options = options;
    }

    /// <summary>Tensors written into every checkpoint beside the training state, and read back with it
    /// (<see cref="Checkpoint.Attachments"/>).</summary>
    public IReadOnlyDictionary<string, NdArray> Attachments { get; init; } = new Dictionary<string, NdArray>();

    /// <summary>Trains the remaining epochs. Cancellation is honoured between batches and throws
    /// <see cref="OperationCanceledException"/>; the last checkpoint is then the end of the last whole epoch.</summary>
    /// <param name="resumeFrom">A checkpoint of this model under the same options, or null to start afresh.</param>
    public TrainingResult Run(IProgress<TrainingProgress>? progress = null, string? resumeFrom = null, CancellationToken cancellation = default) =>
        Run(progress, resumeFrom is null ? null : Checkpoint.Read(resumeFrom), cancellation);

    /// <summary>As <see cref="Run(IProgress{TrainingProgress}?, string?, CancellationToken)"/>, from a checkpoint
    /// already read.</summary>
    public TrainingResult Run(IProgress<TrainingProgress>? progress, Checkpoint? checkpoint, CancellationToken cancellation)
    {
        var history = new List<EpochMetrics>();
        int resumedAfter = 0;
        Dictionary<string, NdArray>? savedMomentum = null;
        if (checkpoint is not null)
        {
            options.RequireResumableFrom(checkpoint.Options);
            model.ImportState(checkpoint.ModelState);
            history.AddRange(checkpoint.History);
            resumedAfter = checkpoint.CompletedEpochs;
            savedMomentum = new Dictionary<string, NdArray>(checkpoint.Momentum, StringComparer.Ordinal);
        }

        // Built after any import: assigning values replaces the parameter tensors.
        var parameters = model.Parameters();
        using var optimizer = new Sgd(parameters.Select(p => p.Parameter),
            new SgdHyperparameters(options.LearningRate, options.Momentum, options.WeightDecay, Nesterov: true));
        if (savedMomentum is not null)
            optimizer.ImportMomentum([.. parameters.Select(p => savedMomentum.TryGetValue(p.Name, out var m) ? m.Data.ToArray() : null)]);
        var schedule = MultiStepSchedule.HalfAndThreeQuarters(options.LearningRate, options.Epochs);

        if (checkpoint is null && options.InitialCheckpointPath is { } initialPath) Save(initialPath, 0, history, parameters, optimizer);
        model.SetTraining(true);
        for (int epoch = resumedAfter + 1; epoch <= options.Epochs; epoch++)
        {
            optimizer.LearningRate = schedule.At(epoch - 1);
            history.Add(RunEpoch(epoch, optimizer, progress, cancellation));
            progress?.Report(new TrainingProgress(epoch, options.Epochs, 0, 0, history[^1].TrainLoss, history[^1].TrainAccuracy,
                history[^1].SamplesPerSecond, history[^1]));
            if (options.CheckpointPath is { } path) Save(path, epoch, history, parameters, optimizer);
        }
        return new TrainingResult(history, resumedAfter);
    }

    EpochMetrics RunEpoch(int epoch, Optimizer optimizer, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var tensors = BatchTensors.For(model);
        var clock = Stopwatch.StartNew();
        int batches = (data.Train.Count + options.BatchSize - 1) / options.BatchSize, index = 0;
        double lossSum = 0;
        long correct = 0, seen = 0;
        SpectrumStats? jacobian = null;
        foreach (var batch in MiniBatches.ForEpoch(data.Train, options.BatchSize, options.Seed, epoch - 1))
        {
            cancellation.ThrowIfCancellationRequested();
            index++;
            if (index == 1 && options.RecordJacobian)
                jacobian = SpectrumStats.Of(InputOutputJacobian.SingularValuesOf(model, batch.Inputs, batch.Shape));
            using (TensorScope.Begin())
            {
                using var labels = tensors.Labels(batch, data.Train.ClassCount);
                var logits = model.Forward(tensors.Inputs(batch));
                var loss = logits.CrossEntropy(labels);
                var (value, batchCorrect) = BatchTensors.ReadLossAndCorrect(loss, logits, labels);
                if (!double.IsFinite(value))
                    throw new TrainingDivergedException(epoch, $"batch {index} of {batches}", value, optimizer.LearningRate);
                loss.Backward();
                optimizer.Step();
                optimizer.ZeroGrad();
                lossSum += value * batch.Count;
                correct += batchCorrect;
                seen += batch.Count;
            }
            progress?.Report(new TrainingProgress(epoch, options.Epochs, index, batches, lossSum / seen, correct / (double)seen,
                seen / clock.Elapsed.TotalSeconds));
        }
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var (validationLoss, validationAccuracy) = Evaluation.Run(model, data.Validation, options.BatchSize);
        var (testLoss, testAccuracy) = Evaluation.Run(model, data.Test, options.BatchSize);
        RequireFinite(epoch, "validation", validationLoss, data.Validation.Count);
        RequireFinite(epoch, "test", testLoss, data.Test.Count);
        return new EpochMetrics(epoch, optimizer.LearningRate, lossSum / seen, correct / (double)seen, validationLoss, validationAccuracy,
            testLoss, testAccuracy, clock.Elapsed.TotalSeconds, seen / trainSeconds, jacobian);
    }

    void RequireFinite(int epoch, string set, double loss, int count)
    {
        if (count > 0 && !double.IsFinite(loss))
            throw new TrainingDivergedException(epoch, $"evaluating the {set} set after the last batch", loss, options.LearningRate);
    }

    void Save(string path, int epoch, List<EpochMetrics> history, IReadOnlyList<(string Name, TrainableParameter Parameter)> parameters,
              Sgd optimizer)
    {
        var momentum = new Dictionary<string, NdArray>(StringComparer.Ordinal);
        var buffers = optimizer.ExportMomentum();
        for (int i = 0; i < parameters.Count; i++)
            if (buffers[i] is { } values)
                momentum[parameters[i].Name] = new NdArray([values.Length], HostTensors.ElementTypeOf(parameters[i].Parameter.Value.ElementType), values);
        new Checkpoint(epoch, options, [.. history], model.ExportState(), momentum, Attachments).Write(path);
    }
}
