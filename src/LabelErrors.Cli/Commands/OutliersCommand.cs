using System.CommandLine;
using System.Globalization;
using System.Text;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Commands;

/// <summary><c>outliers</c>: cleanlab's pred_probs-based out-of-distribution score and Datalab's outlier rule, for every example.</summary>
public static class OutliersCommand
{
    public const string CsvHeader = "index,score,is_outlier";

    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write index,score,is_outlier here instead of standard output.",
        };

        var command = new Command("outliers",
            "Out-of-distribution score of every example from pred_probs (cleanlab's OutOfDistribution) and whether it is below 0.13 × the median (Datalab's outlier issue).");
        inputs.AddTo(command);
        command.Options.Add(output);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            var validated = inputs.Load(parseResult, context, progress);
            progress.Report("scoring outliers");
            var result = await Task.Run(() => OutlierIssues.Find(validated.Labels, validated.PredProbs), cancellationToken);
            await TextOutput.WriteAsync(parseResult.GetValue(output), context, writer => WriteAsync(writer, result));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter writer, OutlierIssuesResult result)
    {
        var chunk = new StringBuilder(CsvHeader).Append('\n');
        for (int i = 0; i < result.Scores.Length; i++)
        {
            chunk.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvNumber.Format(result.Scores[i])).Append(',')
                .Append(result.IsOutlier[i] ? "true" : "false").Append('\n');
            if (chunk.Length < 1 << 16) continue;
            await writer.WriteAsync(chunk);
            chunk.Clear();
        }

        await writer.WriteAsync(chunk);
    }
}
