using System.CommandLine;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Input;

/// <summary>The options every analysis command shares: the two input files, class names and renormalization.</summary>
public sealed class InputOptions
{
    public Option<string> Labels { get; } = new("--labels", "-l")
    {
        Description = "Given labels: .npy (1-D integers) or CSV/text (one integer or class name per line).",
        Required = true,
    };

    public Option<string> PredProbs { get; } = new("--pred-probs", "-p")
    {
        Description = "Out-of-sample predicted probabilities, N×K: .npy (f2/f4/f8 kept in their precision) or CSV (header optional).",
        Required = true,
    };

    public Option<string?> ClassNames { get; } = new("--class-names")
    {
        Description = "Class names, index order: .json (array of strings) or text (one per line). Used for labels given as names and in the output.",
    };

    public Option<bool> Renormalize { get; } = new("--renormalize")
    {
        Description = "Divide each pred_probs row by its sum instead of refusing rows that do not sum to 1.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Labels);
        command.Options.Add(PredProbs);
        command.Options.Add(ClassNames);
        command.Options.Add(Renormalize);
    }

    /// <summary>Reads and validates the inputs; problems surface as <see cref="LabelErrorsInputException"/>.</summary>
    public ValidatedInputs Load(ParseResult parseResult, CliContext context, Progress progress, ValidationOptions? options = null)
    {
        var classNamesPath = parseResult.GetValue(ClassNames);
        var classNames = classNamesPath is null ? null : ClassNamesFile.Read(classNamesPath);

        var labelsPath = parseResult.GetValue(Labels)!;
        progress.Report($"reading labels from {labelsPath}");
        var labels = InputFiles.ReadLabels(labelsPath, classNames);
        progress.SetExampleCount(labels.Labels.Length);

        var predProbsPath = parseResult.GetValue(PredProbs)!;
        progress.Report($"reading pred_probs from {predProbsPath}");
        var predProbs = InputFiles.ReadPredProbs(predProbsPath);

        progress.Report($"validating {predProbs.Matrix.N}×{predProbs.Matrix.K} pred_probs");
        var validated = InputValidator.Validate(labels, predProbs, classNames, classNamesPath,
            (options ?? new ValidationOptions()) with { Renormalize = parseResult.GetValue(Renormalize) });
        foreach (var warning in validated.Warnings)
            context.Warn(warning);
        return validated;
    }
}
