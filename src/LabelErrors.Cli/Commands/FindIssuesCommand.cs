using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

/// <summary><c>find-issues</c>: cleanlab's find_label_issues, one output row per flagged example, most likely issue first.</summary>
public static class FindIssuesCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var streamingChoice = new StreamingChoice();
        var output = new OutputOptions();
        var task = new TaskChoice();
        var filterBy = new Option<string>("--filter-by")
        {
            Description = "How issues are selected (cleanlab's filter_by).",
            DefaultValueFactory = _ => SnakeCaseChoices.Name(FilterBy.PruneByNoiseRate),
        };
        filterBy.AcceptOnlyFromAmong(SnakeCaseChoices.Names<FilterBy>());
        var rankBy = new Option<string>("--rank-by")
        {
            Description = "Label quality score used to rank the issues and printed as label_quality (lower = more likely wrong).",
            DefaultValueFactory = _ => SnakeCaseChoices.Name(RankBy.SelfConfidence),
        };
        rankBy.AcceptOnlyFromAmong(SnakeCaseChoices.Names<RankBy>());
        var fracNoise = new Option<double>("--frac-noise")
        {
            Description = "Fraction of the estimated issues to return per class, in (0, 1] (prune_by_* and both).",
            DefaultValueFactory = _ => 1.0,
        };
        fracNoise.Validators.Add(r =>
        {
            if (new FindLabelIssuesOptions { FracNoise = r.GetValueOrDefault<double>() }.Breaks(FindLabelIssuesOption.FracNoise))
                r.AddError("--frac-noise must be greater than 0 and at most 1");
        });
        var minExamples = new Option<int>("--min-examples-per-class")
        {
            Description = "Never flag so many examples of a class that fewer than this many remain (prune_by_* and both).",
            DefaultValueFactory = _ => 1,
        };
        minExamples.Validators.Add(r =>
        {
            if (new FindLabelIssuesOptions { MinExamplesPerClass = r.GetValueOrDefault<int>() }.Breaks(FindLabelIssuesOption.MinExamplesPerClass))
                r.AddError("--min-examples-per-class must not be negative");
        });

        var command = new Command("find-issues", "List likely label errors, ranked: index,given_label,suggested_label,label_quality.");
        command.Options.Add(task.Option);
        inputs.AddTo(command);
        command.Options.Add(filterBy);
        command.Options.Add(rankBy);
        command.Options.Add(fracNoise);
        command.Options.Add(minExamples);
        streamingChoice.AddTo(command);
        output.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            var rank = SnakeCaseChoices.Parse<RankBy>(parseResult.GetValue(rankBy)!);
            var options = new FindLabelIssuesOptions
            {
                FilterBy = SnakeCaseChoices.Parse<FilterBy>(parseResult.GetValue(filterBy)!),
                ReturnIndicesRankedBy = rank,
                FracNoise = parseResult.GetValue(fracNoise),
                MinExamplesPerClass = parseResult.GetValue(minExamples),
            };
            if (task.IsMultiLabel(parseResult))
            {
                return await MultiLabelFindIssues.RunAsync(parseResult, context, inputs, streamingChoice, output,
                    options, ranked: parseResult.GetResult(rankBy) is { Implicit: false }, cancellationToken);
            }

            IReadOnlyList<IssueRow> rows;
            IReadOnlyList<string>? classNames;
            // every filter_by and ranking streams; --renormalize rewrites the rows and is refused when streaming
            bool canStream = !parseResult.GetValue(inputs.Renormalize);
            if (streamingChoice.ShouldStream(parseResult, parseResult.GetValue(inputs.PredProbs)!, canStream))
            {
                var streaming = StreamingRun.Options(streamingChoice, parseResult, context);
                using var streamed = StreamedInputs.Open(inputs, parseResult, context, progress, streaming, null, cancellationToken, deferRowChecks: true);
                StreamingRun.EnsureMemory(streamed, options.FilterBy, streaming, parseResult.GetValue(inputs.PredProbs)!);
                streaming = streaming with { RowCheck = streamed.RowCheck };
                progress.Report($"finding label issues ({SnakeCaseChoices.Name(options.FilterBy)}, streaming)");
                var result = await Task.Run(() => StreamingLabelIssues.Find(streamed.Labels, streamed.PredProbs, options, streaming, cancellationToken), cancellationToken);
                rows = result.Issues.Select(issue => new IssueRow(issue.Index, streamed.Labels[issue.Index], issue.PredictedLabel, issue.Score)).ToArray();
                classNames = streamed.ClassNames;
            }
            else
            {
                var validated = inputs.Load(parseResult, context, progress);
                var predProbs = validated.PredProbs;
                cancellationToken.ThrowIfCancellationRequested();
                progress.Report($"finding label issues ({SnakeCaseChoices.Name(options.FilterBy)})");
                var result = await Task.Run(() => LabelIssues.Find(validated.Labels, predProbs, options), cancellationToken);
                var ranked = result.RankedIndices!;
                // scores of the flagged rows only: the same values as LabelQuality.Scores there, without a pass over all rows
                var scores = LabelQuality.ScoresOf(validated.Labels, predProbs, (ScoreMethod)rank, ranked);
                rows = IssueRows.BuildWithScoresInOrder(validated, ranked, scores);
                classNames = validated.ClassNames;
            }

            progress.Report($"{rows.Count} issues found; writing output");
            await output.WriteAsync(parseResult, context, writer =>
                IssueTableWriter.WriteAsync(writer, rows, parseResult.GetValue(output.Format), classNames));
            return ExitCodes.Success;
        });
        return command;
    }
}
