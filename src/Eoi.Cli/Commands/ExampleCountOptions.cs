using System.CommandLine;
using Eoi.Core;

namespace Eoi.Cli.Commands;

/// <summary>--train-examples and --test-examples, shared by <c>eoi train</c> and <c>eoi experiment</c>: a run on
/// the first N examples of each set, a stated reduction.</summary>
sealed class ExampleCountOptions
{
    readonly Option<string> train = CommonOptions.Optional("--train-examples", "N", "Train on the first N training examples only (the last 10 % of them validate), N >= 2.");
    readonly Option<string> test = CommonOptions.Optional("--test-examples", "N", "Test on the first N test examples only, N >= 1.");

    public IEnumerable<Option> All => [train, test];

    public int? Train(ParseResult parsed) =>
        parsed.GetValue(train) is null ? null : TrainOptionValues.Integer(parsed, train, fallback: 2, min: 2);

    public int? Test(ParseResult parsed) =>
        parsed.GetValue(test) is null ? null : TrainOptionValues.Integer(parsed, test, fallback: 1, min: 1);

    /// <summary>Runs <paramref name="run"/>, re-wording a refused example count, which only the loaded data can
    /// check (TrainTest.Take names its own parameters), so that the error names the option the user typed.</summary>
    public T NamingOptions<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (EoiArgumentException error) when (error.ParameterName is "trainExamples" or "testExamples")
        {
            var option = error.ParameterName == "trainExamples" ? train : test;
            throw new EoiArgumentException(option.Name, option.Name + error.Message[error.ParameterName.Length..]);
        }
    }
}
