using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

/// <summary>
/// <c>paper</c>: the candidate label errors the label-errors study (labelerrors.com) selected, ranked by
/// normalized margin; label_quality is cleanlab's normalized_margin score of each example.
/// </summary>
public static class PaperCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var output = new OutputOptions();
        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = "Dataset of the study whose selection rule to apply.",
            Required = true,
        };
        dataset.AcceptOnlyFromAmong([.. PaperSelection.Slugs]);

        var command = new Command("paper", "Reproduce the study's selection of candidate label errors for one dataset (same columns as find-issues).");
        command.Options.Add(dataset);
        inputs.AddTo(command);
        output.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            // The study used the published pred_probs as they are (IMDB rows hold values slightly above 1).
            var validated = inputs.Load(parseResult, context, progress, new ValidationOptions { AllowValuesAboveOne = true });
            var predProbs = CorePredProbs.From(validated.PredProbs);
            var slug = parseResult.GetValue(dataset)!;

            progress.Report($"selecting candidates with the {slug} rule of the study");
            var indices = await Task.Run(() => PaperSelection.Select(slug, validated.Labels, predProbs), cancellationToken);
            var scores = PaperMargins.Compute(validated.PredProbs, validated.Labels);
            var rows = IssueRows.Build(validated, indices, scores);

            await output.WriteAsync(parseResult, context, writer =>
                IssueTableWriter.WriteAsync(writer, rows, parseResult.GetValue(output.Format), validated.ClassNames));
            return ExitCodes.Success;
        });
        return command;
    }
}
