using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Eoi.Cli.Tests;

/// <summary>The grid every test here shards, run once unsharded in-process: mlp7-mnist --quick cut to uniform masks,
/// two seeds, one epoch and 10 AI iterations (6 runs: base, AI, EOI x 2 seeds, a few seconds).</summary>
public sealed class UnshardedTinyGrid : IDisposable
{
    public static string[] Args(params string[] more) => WithEpochs("1", more);

    public static string[] WithEpochs(string epochs, params string[] more) =>
        ["experiment", "mlp7-mnist", "--quick", "--seeds", "1,2", "--masks", "uniform", "--epochs", epochs, "--ai-iterations", "10", .. more];

    readonly TempDirectory directory = new();

    public UnshardedTinyGrid() => Tool.Succeed(Args("-o", Output));

    public string Output => directory.File("unsharded");

    public void Dispose() => directory.Dispose();
}

/// <summary><c>eoi experiment --shard</c> and <c>--merge</c>: shards as separate processes (as a scheduler starts
/// them), merged, give the unsharded summary bit for bit (but for the wall-clock column); a shard killed part way and
/// resumed does too; the scheduler's variables pick the shard; bad shard specs are one error line.</summary>
public sealed class ExperimentShardTests(UnshardedTinyGrid unsharded) : IClassFixture<UnshardedTinyGrid>
{
    [Fact]
    public void Three_shard_processes_and_a_merge_give_the_unsharded_summary()
    {
        using var dir = new TempDirectory();
        string shared = dir.File("shared");
        var shards = Enumerable.Range(1, 3).Select(k => Start(UnshardedTinyGrid.Args("--shard", $"{k}/3", "-o", shared))).ToArray();
        foreach (var shard in shards) Finish(shard);

        var merged = Tool.Succeed(UnshardedTinyGrid.Args("--merge", shared, "-o", dir.File("merged")));

        Assert.Contains("merged 6 of 6 runs", merged.Stdout);
        AssertSameSummary(unsharded.Output, dir.File("merged"));
        Assert.False(File.Exists(Path.Combine(shared, "summary.md")), "a shard writes only its runs");
    }

    [Fact]
    public void A_killed_shard_resumed_and_merged_gives_the_same_summary()
    {
        using var dir = new TempDirectory();
        string first = dir.File("first"), second = dir.File("second");
        string[] shard1 = UnshardedTinyGrid.Args("--shard", "1/2", "-o", first);
        using (var doomed = Start(shard1).Process)
        {
            while (!doomed.HasExited && Finished(first) == 0) Thread.Sleep(20);
            Assert.False(doomed.HasExited, "the shard finished before it could be killed");
            doomed.Kill(entireProcessTree: true);
            doomed.WaitForExit();
        }
        int survived = Finished(first);
        Assert.InRange(survived, 1, 2);
        Tool.Succeed(UnshardedTinyGrid.Args("--shard", "2/2", "-o", second));

        var partial = Tool.Succeed(UnshardedTinyGrid.Args("--merge", first, second, "-o", dir.File("partial")));
        Assert.Contains($"missing {3 - survived} of 6 runs (not finished in any directory):\n  tanh-d-0.1-uniform-", partial.Stdout);
        Assert.Contains("- missing (not finished): ", File.ReadAllText(Path.Combine(dir.File("partial"), "summary.md")));

        var resumed = Tool.Succeed([.. shard1, "--resume"]);
        Assert.StartsWith("shard 1/2 (--shard): 3 of 6 runs", resumed.Stdout);
        // The shard's first directory again (a re-run elsewhere, or a resubmitted job) is counted once.
        var merged = Tool.Succeed(UnshardedTinyGrid.Args("--merge", first, second, first, "-o", dir.File("merged")));
        Assert.Contains("merged 6 of 6 runs", merged.Stdout);
        Assert.Contains("3 runs were found again in a later directory and counted once", merged.Stdout);
        AssertSameSummary(unsharded.Output, dir.File("merged"));
    }

    [Fact]
    public void A_merge_names_the_runs_written_with_other_settings()
    {
        using var dir = new TempDirectory();
        var result = Tool.Run(UnshardedTinyGrid.WithEpochs("2", "--merge", unsharded.Output, "-o", dir.File("merged")));

        Tool.AssertOneErrorLine(result, "6 run(s) cannot be merged into mlp7-mnist as given: ");
        Assert.Contains("tanh-d-0.1-uniform-ai-seed1 (written for another configuration", result.Stderr);
        Assert.False(Directory.Exists(dir.File("merged")));
    }

    /// <summary>One run split three ways: shards 2 and 3 have nothing to run, so these cost a data load.</summary>
    static string[] OneRun(params string[] more) =>
        ["experiment", "mlp7-mnist", "--quick", "--seeds", "1", "--masks", "uniform", "--schemes", "eoi", "--epochs", "1", .. more];

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=7,SLURM_ARRAY_TASK_MIN=5,SLURM_ARRAY_TASK_STEP=1,SLURM_ARRAY_TASK_COUNT=3",
                "shard 3/3 (SLURM_ARRAY_TASK_ID=7, _MIN=5, _STEP=1, _COUNT=3): 0 of 1 runs, 0% of expected cost\n")]
    [InlineData("SLURM_ARRAY_TASK_ID=4,SLURM_ARRAY_TASK_MIN=0,SLURM_ARRAY_TASK_STEP=2,SLURM_ARRAY_TASK_COUNT=3",
                "shard 3/3 (SLURM_ARRAY_TASK_ID=4, _MIN=0, _STEP=2, _COUNT=3): 0 of 1 runs, 0% of expected cost\n")]
    [InlineData("JOB_COMPLETION_INDEX=1,EOI_SHARD_COUNT=2", "shard 2/2 (JOB_COMPLETION_INDEX=1, EOI_SHARD_COUNT=2): 0 of 1 runs, 0% of expected cost\n")]
    public void Without_shard_the_scheduler_variables_pick_it_and_the_first_line_says_so(string variables, string firstLine)
    {
        using var dir = new TempDirectory();
        var result = Tool.RunIn(Environment(variables), OneRun("-o", dir.File("grid")));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith(firstLine, result.Stdout);
        Assert.Contains(" done: 0 runs in ", result.Stdout);
        Assert.False(File.Exists(Path.Combine(dir.File("grid"), "summary.md")), "a shard writes only its runs");
    }

    [Theory]
    [InlineData("0/3", "", "--shard must be K/N with integers 1 <= K <= N; got 0/3")]
    [InlineData("4/3", "", "--shard must be K/N with integers 1 <= K <= N; got 4/3")]
    [InlineData("1/0", "", "--shard must be K/N with integers 1 <= K <= N; got 1/0")]
    [InlineData("a/3", "", "--shard must be K/N with integers 1 <= K <= N; got a/3")]
    [InlineData("1/3/3", "", "--shard must be K/N with integers 1 <= K <= N; got 1/3/3")]
    [InlineData("-1/3", "", "--shard must be K/N with integers 1 <= K <= N; got -1/3")]
    [InlineData("1/99999999999", "", "--shard must be K/N with integers 1 <= K <= N; got 1/99999999999")]
    [InlineData("1/4", "SLURM_ARRAY_TASK_ID=0,SLURM_ARRAY_TASK_MIN=0,SLURM_ARRAY_TASK_COUNT=3",
                "--shard 1/4 has N = 4, but the environment gives 3 shards (SLURM_ARRAY_TASK_ID=0")]
    [InlineData("2/3", "JOB_COMPLETION_INDEX=0,EOI_SHARD_COUNT=2", "--shard 2/3 has N = 3, but the environment gives 2 shards")]
    [InlineData(null, "SLURM_ARRAY_TASK_ID=3", "SLURM_ARRAY_TASK_ID is set, so SLURM_ARRAY_TASK_COUNT must give the number of shards; it is not set")]
    [InlineData(null, "SLURM_ARRAY_TASK_ID=x,SLURM_ARRAY_TASK_COUNT=2", "SLURM_ARRAY_TASK_ID must be an integer >= 0; got \"x\"")]
    [InlineData(null, "SLURM_ARRAY_TASK_ID=5,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_COUNT=4", "a Slurm array task must be one of 4 evenly spaced indices")]
    [InlineData(null, "SLURM_ARRAY_TASK_ID=0,SLURM_ARRAY_TASK_MIN=1,SLURM_ARRAY_TASK_COUNT=4", "a Slurm array task must be one of 4 evenly spaced indices")]
    [InlineData(null, "JOB_COMPLETION_INDEX=0", "JOB_COMPLETION_INDEX is set, so EOI_SHARD_COUNT must give the number of shards; it is not set")]
    [InlineData(null, "JOB_COMPLETION_INDEX=2,EOI_SHARD_COUNT=2", "JOB_COMPLETION_INDEX must be in [0, EOI_SHARD_COUNT - 1] and EOI_SHARD_COUNT >= 1; got JOB_COMPLETION_INDEX=2, EOI_SHARD_COUNT=2")]
    [InlineData(null, "JOB_COMPLETION_INDEX=0,EOI_SHARD_COUNT=0", "JOB_COMPLETION_INDEX must be in [0, EOI_SHARD_COUNT - 1]")]
    public void A_bad_shard_spec_is_one_error_line_and_writes_nothing(string? shard, string variables, string expected)
    {
        using var dir = new TempDirectory();
        string[] args = shard is null ? OneRun("-o", dir.File("grid")) : OneRun("--shard", shard, "-o", dir.File("grid"));
        var result = Tool.RunIn(Environment(variables), args);

        Tool.AssertOneErrorLine(result, expected);
        Assert.False(Directory.Exists(dir.File("grid")), "nothing is written for a bad shard spec");
    }

    [Fact]
    public void Merge_runs_nothing_so_shard_and_resume_are_refused_with_it()
    {
        using var dir = new TempDirectory();
        var result = Tool.Run(OneRun("--merge", dir.Path, "--shard", "1/2", "-o", dir.File("merged")));

        Tool.AssertOneErrorLine(result, "--merge runs nothing, so --shard and --resume do not apply to it");
    }

    static Dictionary<string, string> Environment(string variables) =>
        variables.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    /// <summary>summary.md and summary.csv byte for byte, runs.csv but for its wall-clock column.</summary>
    static void AssertSameSummary(string expected, string actual)
    {
        foreach (string file in new[] { "summary.md", "summary.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
        Assert.Equal(WithoutSeconds(Path.Combine(expected, "runs.csv")), WithoutSeconds(Path.Combine(actual, "runs.csv")));
    }

    static string[] WithoutSeconds(string csv)
    {
        var lines = File.ReadAllLines(csv);
        int column = Array.IndexOf(lines[0].Split(','), "seconds");
        Assert.True(column >= 0, $"{csv} has no seconds column");
        return [.. lines.Select(line => string.Join(',', line.Split(',').Where((_, i) => i != column)))];
    }

    static int Finished(string output) =>
        Directory.Exists(Path.Combine(output, "runs")) ? Directory.GetFiles(Path.Combine(output, "runs"), "result.json", SearchOption.AllDirectories).Length : 0;

    /// <summary><c>dotnet eoi.dll ARGS</c> as its own process, with the dotnet host that runs these tests; its
    /// stderr is kept for <see cref="Finish"/> to show.</summary>
    static (Process Process, StringBuilder Stderr) Start(string[] args)
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory(); // DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/
        string host = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "eoi.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        foreach (string name in new[] { "SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX" }) start.Environment.Remove(name);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host}");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, line) => { lock (stderr) stderr.AppendLine(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, stderr);
    }

    static void Finish((Process Process, StringBuilder Stderr) started)
    {
        using var process = started.Process;
        process.WaitForExit();
        lock (started.Stderr) Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {started.Stderr}");
    }
}
