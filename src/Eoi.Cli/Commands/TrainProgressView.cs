using System.Globalization;
using Eoi.Nn.Training;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary>
/// Shows training as it goes: on a terminal a Spectre progress bar over all batches, captioned with the epoch,
/// running loss and accuracy and the throughput; everywhere one line per finished epoch, so logs and
/// redirected output keep the whole history.
/// </summary>
static class TrainProgressView
{
    /// <summary>Runs <paramref name="work"/>, giving it the progress sink to report to.</summary>
    public static T Run<T>(IAnsiConsole console, string title, Func<IProgress<TrainingProgress>, T> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return work(new SynchronousProgress<TrainingProgress>(p => { if (p.Completed is { } m) console.WriteLine(EpochLine(p.Epochs, m)); }));
        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                     new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = work(new SynchronousProgress<TrainingProgress>(p =>
                {
                    if (p.Completed is { } m)
                    {
                        console.WriteLine(EpochLine(p.Epochs, m));
                        return;
                    }
                    task.MaxValue = (double)p.Epochs * p.Batches;
                    task.Value = (double)(p.Epoch - 1) * p.Batches + p.Batch;
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {p.Epoch}/{p.Epochs}  batch {p.Batch}/{p.Batches}  loss {p.Loss:F4}  acc {100 * p.Accuracy:F2}%  {p.SamplesPerSecond:N0} samples/s"));
                }));
                task.Value = task.MaxValue;
            });
        return result;
    }

    public static string EpochLine(int epochs, EpochMetrics m)
    {
        // Kept under the 120 columns of redirected output, so a log holds one line per epoch.
        string jacobian = m.Jacobian is { } j ? FormattableString.Invariant($" | J {j.Mean:F3} [{j.Min:F3}, {j.Max:F3}]") : "";
        return FormattableString.Invariant(
            $"epoch {m.Epoch}/{epochs} lr {m.LearningRate:G3} | train {m.TrainLoss:F4} {100 * m.TrainAccuracy:F2}% | val {m.ValidationLoss:F4} {100 * m.ValidationAccuracy:F2}% | test {m.TestLoss:F4} {100 * m.TestAccuracy:F2}% | {m.Seconds:F1} s{jacobian}");
    }
}
