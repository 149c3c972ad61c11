using System.CommandLine;
using System.Globalization;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Commands;

/// <summary>
/// <c>scores</c>: cleanlab's label quality score of every example (<c>rank.get_label_quality_scores</c>, or
/// <c>multilabel_classification.rank.get_label_quality_scores</c> with --task multi-label), as <c>index,score</c> in index order.
/// </summary>
public static class ScoresCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var task = new TaskChoice();
        var output = new OutputOptions();
        var method = new Option<string>("--method")
        {
            Description = "Label quality score (lower = more likely wrong).",
            DefaultValueFactory = _ => SnakeCaseChoices.Name(ScoreMethod.SelfConfidence),
        };
        method.AcceptOnlyFromAmong(SnakeCaseChoices.Names<ScoreMethod>());
        var adjust = new Option<bool>("--adjust-pred-probs")
        {
            Description = "Subtract the per-class confident thresholds first (cleanlab's adjust_pred_probs; not with confidence_weighted_entropy).",
        };

        var command = new Command("scores", "Label quality score of every example: index,score in index order.");
        command.Options.Add(task.Option);
        inputs.AddTo(command);
        command.Options.Add(method);
        command.Options.Add(adjust);
        output.AddTo(command);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            var scoreMethod = SnakeCaseChoices.Parse<ScoreMethod>(parseResult.GetValue(method)!);
            bool adjustPredProbs = parseResult.GetValue(adjust);
            double[] scores;
            if (task.IsMultiLabel(parseResult))
            {
                var (labels, predProbs) = MultiLabelInputs.Load(inputs, parseResult, progress, sideBySide: true);
                progress.Report($"scoring ({SnakeCaseChoices.Name(scoreMethod)}, multi-label)");
                scores = await Task.Run(() => MultiLabelQuality.Scores(labels, predProbs, scoreMethod, adjustPredProbs), cancellationToken);
            }
            else
            {
                var validated = inputs.Load(parseResult, context, progress);
                var predProbs = validated.PredProbs;
                progress.Report($"scoring ({SnakeCaseChoices.Name(scoreMethod)})");
                scores = await Task.Run(() => LabelQuality.Scores(validated.Labels, predProbs, scoreMethod, adjustPredProbs), cancellationToken);
            }

            progress.Report($"{scores.Length} scores computed; writing output");
            await output.WriteAsync(parseResult, context, writer => WriteAsync(writer, scores, parseResult.GetValue(output.Format)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter writer, double[] scores, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            var text = new System.Text.StringBuilder(scores.Length * 24);
            text.Append('[');
            for (int i = 0; i < scores.Length; i++)
            {
                text.Append(i == 0 ? "\n" : ",\n").Append(CultureInfo.InvariantCulture, $"  {{\"index\": {i}, \"score\": {scores[i].ToString("R", CultureInfo.InvariantCulture)}}}");
            }

            text.Append("\n]\n");
            await writer.WriteAsync(text.ToString());
            return;
        }

        // CsvHelper, formatted without a string per score: at 200,000 rows writing costs under 0.1 s CPU, the same as a
        // hand-written char buffer and the StringBuilder this replaced (docs/benchmarks.md), with 25 MB less peak memory.
        // The scores are formatted in blocks side by side first (the formatting is most of the writing's CPU), then
        // written in order.
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(["index", "score"]);
        const int blockRows = 16_384, scoreChars = 24; // "R" needs at most 24 characters
        var blocks = new (char[] Text, int[] Ends)[(scores.Length + blockRows - 1) / blockRows];
        Parallel.For(0, blocks.Length, b =>
        {
            int start = b * blockRows, end = Math.Min(scores.Length, start + blockRows);
            var text = new char[(end - start) * scoreChars];
            var ends = new int[end - start];
            int length = 0;
            for (int i = start; i < end; i++)
            {
                if (!scores[i].TryFormat(text.AsSpan(length), out int written, "R", CultureInfo.InvariantCulture))
                    throw new InvalidOperationException("a double needs at most 24 characters");
                length += written;
                ends[i - start] = length;
            }

            blocks[b] = (text, ends);
        });
        for (int b = 0; b < blocks.Length; b++)
        {
            var (text, ends) = blocks[b];
            blocks[b] = default;
            int from = 0;
            for (int r = 0; r < ends.Length; r++)
            {
                csv.WriteField((b * blockRows) + r);
                csv.WriteField((ReadOnlySpan<char>)text.AsSpan(from, ends[r] - from));
                from = ends[r];
                await csv.EndRecordAsync();
            }
        }
    }
}
