using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
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
        var streamingChoice = new StreamingChoice();
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
        streamingChoice.AddTo(command);
        output.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            // The study used the published pred_probs as they are (IMDB rows hold values slightly above 1).
            var validation = new ValidationOptions { AllowValuesAboveOne = true };
            var slug = parseResult.GetValue(dataset)!;
            IReadOnlyList<IssueRow> rows;
            IReadOnlyList<string>? classNames;
            if (streamingChoice.ShouldStream(parseResult, parseResult.GetValue(inputs.PredProbs)!, canStream: !parseResult.GetValue(inputs.Renormalize)))
            {
                var streaming = StreamingRun.Options(streamingChoice, parseResult, context);
                using var streamed = StreamedInputs.Open(inputs, parseResult, context, progress, streaming, validation, cancellationToken);
                progress.Report($"selecting candidates with the {slug} rule of the study (streaming)");
                var issues = await Task.Run(() => StreamingPaperSelection.Select(slug, streamed.Labels, streamed.PredProbs, streaming, cancellationToken), cancellationToken);
                rows = issues.Select(issue => new IssueRow(issue.Index, streamed.Labels[issue.Index], issue.PredictedLabel, issue.Score)).ToArray();
                classNames = streamed.ClassNames;
            }
            else
            {
                var validated = inputs.Load(parseResult, context, progress, validation);
                var predProbs = validated.PredProbs;
                progress.Report($"selecting candidates with the {slug} rule of the study");
                var indices = await Task.Run(() => PaperSelection.Select(slug, validated.Labels, predProbs), cancellationToken);
                var scores = PaperSelection.NormalizedMargins(validated.Labels, predProbs);
                rows = IssueRows.Build(validated, indices, scores);
                classNames = validated.ClassNames;
            }

            await output.WriteAsync(parseResult, context, writer =>
                IssueTableWriter.WriteAsync(writer, rows, parseResult.GetValue(output.Format), classNames));
            return ExitCodes.Success;
        });
        return command;
    }
}
