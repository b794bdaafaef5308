using System.CommandLine;
using Eoi.Cli.Terminal;
using Eoi.Core;
using Eoi.Oracle;
using Spectre.Console;

namespace Eoi.Cli.Commands;

/// <summary><c>eoi check</c>: judges anyone's EOI matrix or kernel file with the checker.</summary>
static class CheckCommand
{
    const string Description = """
        Check that a matrix (rank 2, rows x cols) or conv kernel (rank 4, out x in x kh x kw) is an exactly
        orthogonal EOI layer: finite, orthogonal within the rounding bound of how it was computed (--computed-in), at the target
        density, inside its mask, and equal to a reference when one is given. Reads .npy, .safetensors
        (tensor "weight", plus "mask" and the metadata of `eoi generate` as defaults) and .mtx.
        A whole model (.safetensors with several tensors, as safetensors.torch.save_file(model.state_dict())
        writes it, or .npz) gets one row per tensor: 2-D weights as linear layers, 4-D as conv kernels (delta
        condition), 1-D tensors skipped; exit 1 if any layer fails.
        Exit code 0 when every check passes, 1 when one fails, 2 on a bad option or file.

        Examples:
          eoi check w.safetensors
          eoi check w.npy --density 0.1 --mask mask.npy
          eoi check w.npy --plan w.plan.jsonl
          eoi check torch_w.npy --computed-in float32
          eoi check model.safetensors --tensor 'features.*.weight'
          eoi check kernel.npy --density 0.1 --centre-rule more-nonzeros
        """;

    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The matrix or kernel to check (.npy, .safetensors or .mtx)." };
        var density = CommonOptions.Optional("--density", "D", "Target density, in (0, 1]. Default: from the plan or the file's metadata.");
        var mask = CommonOptions.Optional("--mask", "FILE", "A 0/1 mask of the same shape: values must lie inside it. Default: the file's \"mask\" tensor.");
        var gain = CommonOptions.Optional("--gain", "G", "The gain the values were scaled by, in [1e-140, 1e140]. Default: from the metadata, else 1.");
        var rotations = CommonOptions.Optional("--rotations", "K", "Rotation count, for the rounding bound (an integer >= 0). " +
            "Default: from the plan or the metadata, else estimated from the density.");
        var plan = CommonOptions.Optional("--plan", "PLAN.jsonl", "Replay this rotation plan (with the gain) and require the file to equal it " +
            "bit for bit; also gives the rotation count and (for a matrix) the density.");
        var reference = CommonOptions.Optional("--reference", "FILE", "Expected values (.npy, .safetensors or .mtx), compared bit for bit.");
        var centreRule = CommonOptions.CentreRule();
        var computedIn = CommonOptions.Choice("--computed-in", "How the values were computed, which picks the orthogonality bound: " +
            "float64 (every rotation in float64), rounded-once (float64, then rounded to float32 once), float32 (every rotation " +
            "in float32, as the authors' PyTorch code). Default: from the metadata, else float64 for float64 values and " +
            "float32 for float32 values.", Vocabulary.PrecisionModels);

        var tensor = CommonOptions.Optional("--tensor", "GLOB", "For a model file: judge only the tensors whose names match (* and ?), e.g. 'features.*.weight'.");

        var command = new Command("check", Description) { file, density, mask, gain, rotations, plan, reference, centreRule, computedIn, tensor };
        command.SetAction(parsed =>
        {
            string path = parsed.GetRequiredValue(file);
            if (ModelChecker.IsModelFile(path))
            {
                foreach (var layerOnly in new[] { mask, rotations, plan, reference })
                    if (parsed.GetValue(layerOnly) is not null)
                        throw new EoiArgumentException(layerOnly.Name, $"{layerOnly.Name} applies to a single layer's file, but '{path}' holds a model");
                var model = ModelChecker.Check(new ModelCheckRequest(path, parsed.GetValue(tensor), OptionValues.Density(parsed, density),
                    OptionValues.Gain(parsed, gain), OptionValues.Word(parsed, computedIn, Vocabulary.PrecisionModels),
                    OptionValues.Word(parsed, centreRule, Vocabulary.CentreRules)));
                ModelView.Render(console, model);
                return model.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
            }
            if (parsed.GetValue(tensor) is not null)
                throw new EoiArgumentException(tensor.Name, $"{tensor.Name} applies to a model file (.npz, or .safetensors with several tensors); '{path}' holds one layer");
            var request = new CheckRequest(
                path,
                OptionValues.Density(parsed, density),
                parsed.GetValue(mask),
                OptionValues.Gain(parsed, gain),
                OptionValues.Count(parsed, rotations),
                parsed.GetValue(plan),
                parsed.GetValue(reference),
                OptionValues.Word(parsed, centreRule, Vocabulary.CentreRules),
                OptionValues.Word(parsed, computedIn, Vocabulary.PrecisionModels));
            var outcome = FileChecker.Check(request);
            CheckView.Render(console, outcome);
            return outcome.Report.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
        });
        return command;
    }
}
