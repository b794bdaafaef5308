using Eoi.Cli.Commands;
using Eoi.Nn.Models;
using Eoi.Nn.Runs;

namespace Eoi.Cli.Tests;

/// <summary><c>eoi train</c> takes every per-model default from <see cref="ModelDefaults"/>.</summary>
public class TrainDefaultsTests
{
    [Theory]
    [InlineData("mlp", ModelKind.Mlp)]
    [InlineData("cifar-conv", ModelKind.CifarConv)]
    [InlineData("resnet", ModelKind.ResNet)]
    [InlineData("vgg16", ModelKind.Vgg16)]
    public void A_model_without_options_gets_the_table_s_defaults(string word, ModelKind kind)
    {
        var defaults = ModelDefaults.For(kind);

        var c = Configuration("--model", word);

        Assert.Equal(kind, c.Model);
        Assert.Equal(defaults.Depth, c.Depth);
        Assert.Equal(defaults.Width, c.Width);
        Assert.Equal(defaults.Activation, c.Activation);
        Assert.Equal(defaults.LearningRate, c.Training.LearningRate);
        Assert.Equal(defaults.Scale, c.Init.Options.Scale);
        Assert.Equal(defaults.CentreRule, c.Init.Options.CentreRule);
        Assert.Equal(defaults.Dataset, c.Dataset);
        Assert.Equal(defaults.PadTo, c.EffectivePadTo);
    }

    [Fact]
    public void The_default_run_is_the_configuration_s_default_mlp()
    {
        var c = Configuration();
        var plain = new RunConfiguration();

        Assert.Equal((plain.Model, plain.Depth, plain.Width, plain.Activation, plain.Dataset, plain.Training.LearningRate),
            (c.Model, c.Depth, c.Width, c.Activation, c.Dataset, c.Training.LearningRate));
    }

    [Fact]
    public void An_option_overrides_the_table()
    {
        var c = Configuration("--model", "resnet", "--depth", "20", "--lr", "0.05", "--activation", "tanh");

        Assert.Equal((20, 0.05, Eoi.Backends.ActivationKind.Tanh), (c.Depth, c.Training.LearningRate, c.Activation.Kind));
    }

    static RunConfiguration Configuration(params string[] options)
    {
        var arguments = new TrainArguments();
        var command = new System.CommandLine.Command("train");
        foreach (var option in arguments.All) command.Options.Add(option);
        return arguments.Configuration(command.Parse(options));
    }
}
