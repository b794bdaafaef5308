using Eoi.Core;
using Eoi.IO;

namespace Eoi.Cli.Tests;

/// <summary>The oracle's precision models on the command line, and the inputs an audit found it mishandled.</summary>
public class OracleInputTests
{
    static string[] Plan784x100(string output) =>
        ["plan", "--rows", "784", "--cols", "100", "--density", "0.1", "--seed", "1", "-o", output];

    [Fact]
    public void A_float32_replay_checks_against_its_plan_under_the_float32_model()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Plan784x100(dir.File("p.jsonl")));
        Tool.Succeed("replay", dir.File("p.jsonl"), "--accumulate", "float32", "-o", dir.File("w.npy"));
        Assert.Equal(ElementType.Float32, NpyFile.Read(dir.File("w.npy")).ElementType);

        var check = Tool.Succeed("check", dir.File("w.npy"), "--plan", dir.File("p.jsonl"));

        Assert.Contains("precision model float32 from the plan: the file is not its float64 replay rounded once", check.Stdout);
        Assert.Contains("accumulated in float32", check.Stdout);
        // Stated as float64 rounded once, the replay (float64, rounded) differs from the file bit for bit.
        Assert.Equal(1, Tool.Run("check", dir.File("w.npy"), "--plan", dir.File("p.jsonl"), "--computed-in", "rounded-once").ExitCode);
    }

    [Fact]
    public void Generated_float32_files_say_they_were_rounded_once()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.safetensors"), "--dtype", "float32"));

        Assert.Equal("rounded-once", SafetensorsFile.Read(dir.File("w.safetensors")).Metadata["computed_in"]);
        Assert.Contains("precision model rounded-once from the metadata", Tool.Succeed("check", dir.File("w.safetensors")).Stdout);
    }

    [Fact]
    public void A_float32_file_cannot_be_stated_float64_throughout()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy"), "--dtype", "float32"));

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy"), "--computed-in", "float64"), "rounded-once");
    }

    [Fact]
    public void A_metadata_gain_without_a_finite_bound_is_refused()
    {
        using var dir = new TempDirectory();
        var w = new NdArray([2, 2], ElementType.Float64, [1e200, 0, 0, 1e200]);
        SafetensorsFile.Write(dir.File("w.safetensors"), new Dictionary<string, NdArray> { ["weight"] = w }, new Dictionary<string, string> { ["gain"] = "1e200" });

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.safetensors")), "metadata 'gain' must be a number in [1e-140, 1e140]");
    }

    [Fact]
    public void Replay_refuses_a_rotation_that_is_not_one_naming_its_line()
    {
        using var dir = new TempDirectory();
        Tool.Succeed("plan", "--rows", "4", "--cols", "4", "--density", "1", "--seed", "1", "-o", dir.File("p.jsonl"));
        string[] lines = File.ReadAllLines(dir.File("p.jsonl"));
        int at = lines[2].IndexOf("\"cos\":", StringComparison.Ordinal) + "\"cos\":".Length;
        lines[2] = lines[2][..at] + "2.0" + lines[2][lines[2].IndexOf(',', at)..];
        File.WriteAllLines(dir.File("p.jsonl"), lines);

        Tool.AssertOneErrorLine(Tool.Run("replay", dir.File("p.jsonl"), "-o", dir.File("w.npy")), "line 3: rotation 1: cos^2 + sin^2 must be 1 within");
        Assert.False(File.Exists(dir.File("w.npy")));
    }

    [Fact]
    public void A_mask_that_is_not_zero_one_is_refused()
    {
        using var dir = new TempDirectory();
        Tool.Succeed("generate", "--rows", "2", "--cols", "2", "--density", "0.5", "--seed", "1", "-o", dir.File("w.npy"));
        NpyFile.Write(dir.File("m.npy"), new NdArray([2, 2], ElementType.Float64, [1, 0, 0, 0.5]));

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.npy"), "--mask", dir.File("m.npy")), "must hold only 0 and 1 (or bool); got 0.5 at flat index 3");
    }

    [Theory]
    [InlineData("kind", "conv", "metadata 'kind' is 'conv' (rank 4), but the tensor is 100 x 784 (rank 2)")]
    [InlineData("kernel", "3x3", "metadata 'kernel' is '3x3', but the tensor's kernel is none")]
    [InlineData("centre_density", "0.5", "metadata 'centre_density' describes a conv kernel")]
    public void Contradictory_metadata_is_an_error(string key, string value, string expected)
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.safetensors")));
        var content = SafetensorsFile.Read(dir.File("w.safetensors"));
        var metadata = new Dictionary<string, string>(content.Metadata) { [key] = value };
        SafetensorsFile.Write(dir.File("w.safetensors"), content.Tensors, metadata);

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("w.safetensors")), expected);
    }

    [Fact]
    public void A_kernel_whose_centre_density_contradicts_its_density_is_an_error()
    {
        using var dir = new TempDirectory();
        Tool.Succeed("generate", "--kind", "conv", "--rows", "8", "--cols", "8", "--density", "0.5", "--seed", "1", "-o", dir.File("k.safetensors"));
        var content = SafetensorsFile.Read(dir.File("k.safetensors"));
        var metadata = new Dictionary<string, string>(content.Metadata) { ["centre_density"] = "0.25" };
        SafetensorsFile.Write(dir.File("k.safetensors"), content.Tensors, metadata);

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("k.safetensors")), "metadata 'centre_density' is 0.25, but 'density' 0.5");
    }

    [Fact]
    public void A_weight_under_another_name_is_reported_by_its_name()
    {
        using var dir = new TempDirectory();
        Tool.Succeed(Tool.Generate100x784(dir.File("w.npy")));
        SafetensorsFile.Write(dir.File("w.safetensors"), new Dictionary<string, NdArray> { ["fc1.w"] = NpyFile.Read(dir.File("w.npy")) });

        Assert.Contains("values: the file's tensor 'fc1.w'", Tool.Succeed("check", dir.File("w.safetensors"), "--density", "0.1").Stdout);
    }

    [Fact]
    public void Infinities_in_a_matrix_market_file_fail_the_check()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("w.mtx"), "%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 inf\n2 2 -inf\n");

        var result = Tool.Run("check", dir.File("w.mtx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 NaN/Inf", result.Stdout);
    }

    [Fact]
    public void A_directory_and_an_unwritable_path_are_named_as_such()
    {
        using var dir = new TempDirectory();
        dir.Folder("d.npy");

        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("d.npy")), $"{dir.File("d.npy")}: is a directory");
        Tool.AssertOneErrorLine(Tool.Run(Tool.Generate100x784(dir.File("d.npy"))), $"{dir.File("d.npy")}: is a directory");
        string missing = Path.Combine(dir.Path, "no", "w.npy");
        Tool.AssertOneErrorLine(Tool.Run(Tool.Generate100x784(missing)), $"{missing}: cannot write");
    }

    [Fact]
    public void When_the_mask_cannot_be_written_no_values_file_is_left()
    {
        using var dir = new TempDirectory();
        string mask = Path.Combine(dir.Path, "no", "mask.npy");

        var result = Tool.Run(Tool.Generate100x784(dir.File("w.npy"), "--mask-out", mask));

        Tool.AssertOneErrorLine(result, $"{mask}: cannot write");
        Assert.DoesNotContain(".tmp", result.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Plans_spell_exact_count_as_the_options_do()
    {
        using var dir = new TempDirectory();
        Tool.Succeed("plan", "--rows", "8", "--cols", "8", "--density", "0.5", "--seed", "1", "--rule", "exact-count", "-o", dir.File("p.jsonl"));

        Assert.Contains("\"rule\":\"exact-count\"", File.ReadLines(dir.File("p.jsonl")).First());
    }

    [Fact]
    public void Help_is_a_command()
    {
        var result = Tool.Succeed("help");
        Assert.Contains("generate", result.Stdout);
        Assert.Contains("--computed-in", Tool.Succeed("help", "check").Stdout);
    }
}

public class ModelCheckCommandTests
{
    [Fact]
    public void A_model_file_gets_one_row_per_tensor_and_exit_1_naming_the_bad_layer()
    {
        using var dir = new TempDirectory();
        var good = Eoi.Orthogonal.SparseOrthogonal.Generate(20, 40, 0.2, Eoi.Random.RngKey.FromSeed(1)).ToDenseFloat32();
        var bad = Eoi.Orthogonal.SparseOrthogonal.Generate(10, 20, 0.3, Eoi.Random.RngKey.FromSeed(2)).ToDenseFloat32();
        int first = bad.IndexOf(v => v != 0);
        bad = bad.With(first, (float)(bad.Data[first] + 1e-3));
        SafetensorsFile.Write(dir.File("model.safetensors"), new Dictionary<string, NdArray>
        {
            ["fc1.weight"] = good,
            ["fc1.bias"] = new NdArray([20], ElementType.Float32, new double[20]),
            ["fc2.weight"] = bad,
        });

        var result = Tool.Run("check", dir.File("model.safetensors"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("skipped", result.Stdout);
        Assert.Contains("failing layers: fc2.weight", result.Stdout);
        Assert.Equal(0, Tool.Run("check", dir.File("model.safetensors"), "--tensor", "fc1.*").ExitCode);
        Tool.AssertOneErrorLine(Tool.Run("check", dir.File("model.safetensors"), "--rotations", "3"), "--rotations applies to a single layer's file");
    }
}

public class ConformanceCommandTests
{
    [Fact]
    public void Export_writes_the_manifest_the_readme_and_every_case()
    {
        using var dir = new TempDirectory();

        var result = Tool.Succeed("conformance", "export", dir.File("kit"));

        Assert.Contains("manifest.json", result.Stdout);
        Assert.True(File.Exists(Path.Combine(dir.File("kit"), "manifest.json")));
        Assert.True(File.Exists(Path.Combine(dir.File("kit"), "README.md")));
        Assert.Equal(1 + 1 + 3 * Eoi.Oracle.ConformanceKit.Cases.Count, Directory.GetFiles(dir.File("kit")).Length);
        File.WriteAllText(dir.File("file"), "x");
        Tool.AssertOneErrorLine(Tool.Run("conformance", "export", dir.File("file")), "DIR must be a directory");
    }
}
