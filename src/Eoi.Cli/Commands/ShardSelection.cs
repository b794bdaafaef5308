using System.Globalization;
using Eoi.Core;
using Eoi.Nn.Experiments;

namespace Eoi.Cli.Commands;

/// <summary>
/// Which part of a grid this process runs: --shard K/N, or else the index a job-array scheduler gave the
/// process. Slurm arrays set SLURM_ARRAY_TASK_ID, _MIN, _STEP and _COUNT (any contiguous --array=A-B or
/// A-B:S works); a Kubernetes Indexed Job sets JOB_COMPLETION_INDEX (0 to completions - 1) but not the count,
/// so its manifest states it in EOI_SHARD_COUNT.
/// </summary>
static class ShardSelection
{
    public const string SlurmId = "SLURM_ARRAY_TASK_ID", SlurmMin = "SLURM_ARRAY_TASK_MIN", SlurmStep = "SLURM_ARRAY_TASK_STEP",
        SlurmCount = "SLURM_ARRAY_TASK_COUNT", KubernetesIndex = "JOB_COMPLETION_INDEX", KubernetesCount = "EOI_SHARD_COUNT";

    /// <summary>The shard and where it came from ("--shard", or the variables read); null to run the whole grid.</summary>
    public static (ExperimentShard Shard, string Source)? Resolve(string? option, string optionName, Func<string, string?> environment)
    {
        var fromScheduler = FromScheduler(environment);
        if (option is null) return fromScheduler;
        var parts = option.Split('/');
        if (parts.Length != 2 || Natural(parts[0]) is not int index || Natural(parts[1]) is not int count || count < 1 || index < 1 || index > count)
            throw new EoiArgumentException(optionName, $"{optionName} must be K/N with integers 1 <= K <= N; got {option}");
        if (fromScheduler is { } scheduler && scheduler.Shard.Count != count)
            throw new EoiArgumentException(optionName,
                $"{optionName} {option} has N = {count}, but the environment gives {scheduler.Shard.Count} shards ({scheduler.Source}); N must equal the number of array tasks");
        return (new ExperimentShard(index, count), optionName);
    }

    static (ExperimentShard Shard, string Source)? FromScheduler(Func<string, string?> environment)
    {
        if (environment(SlurmId) is { } id)
        {
            int taskId = Variable(SlurmId, id);
            int min = environment(SlurmMin) is { } m ? Variable(SlurmMin, m) : 0;
            int step = environment(SlurmStep) is { } s ? Variable(SlurmStep, s) : 1;
            int count = Required(environment, SlurmCount, SlurmId);
            string source = $"{SlurmId}={taskId}, _MIN={min}, _STEP={step}, _COUNT={count}";
            if (step < 1 || taskId < min || (taskId - min) % step != 0 || (taskId - min) / step >= count || count < 1)
                throw new EoiArgumentException(SlurmId, $"a Slurm array task must be one of {count} evenly spaced indices from its minimum (--array=A-B or A-B:S); got {source}");
            return (new ExperimentShard((taskId - min) / step + 1, count), source);
        }
        if (environment(KubernetesIndex) is { } index)
        {
            int completionIndex = Variable(KubernetesIndex, index);
            int count = Required(environment, KubernetesCount, KubernetesIndex);
            string source = $"{KubernetesIndex}={completionIndex}, {KubernetesCount}={count}";
            if (count < 1 || completionIndex >= count)
                throw new EoiArgumentException(KubernetesIndex, $"{KubernetesIndex} must be in [0, {KubernetesCount} - 1] and {KubernetesCount} >= 1; got {source}");
            return (new ExperimentShard(completionIndex + 1, count), source);
        }
        return null;
    }

    static int Required(Func<string, string?> environment, string name, string because) =>
        environment(name) is { } text ? Variable(name, text)
            : throw new EoiArgumentException(name, $"{because} is set, so {name} must give the number of shards; it is not set");

    static int Variable(string name, string text) =>
        Natural(text) ?? throw new EoiArgumentException(name, $"{name} must be an integer >= 0; got \"{text}\"");

    static int? Natural(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : null;
}
