using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

/// <summary>
/// <c>find-issues --task multi-label</c>: cleanlab's <c>multilabel_classification.filter.find_label_issues</c>. One row
/// per flagged example, ranked (cleanlab's return_indices_ranked_by order) when --rank-by is given, else in index
/// order; label_quality is the multi-label score of --rank-by (self_confidence when not given).
/// </summary>
public static class MultiLabelFindIssues
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, CliContext context, InputOptions inputs, StreamingChoice streamingChoice, OutputOptions output,
        FindLabelIssuesOptions options, bool ranked, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(streamingChoice.Stream))
            throw new LabelErrorsInputException(parseResult.GetValue(inputs.PredProbs)!, "--stream is not supported with --task multi-label (the per-class confident joints need the whole matrix)");
        var progress = new Progress(context);
        var (labels, predProbs) = MultiLabelInputs.Load(inputs, parseResult, progress);
        var rankBy = options.ReturnIndicesRankedBy ?? RankBy.SelfConfidence;
        options = options with { ReturnIndicesRankedBy = ranked ? rankBy : null };
        progress.Report($"finding multi-label issues ({SnakeCaseChoices.Name(options.FilterBy)})");
        var (indices, scores) = await Task.Run(() =>
        {
            var result = MultiLabelIssues.Find(labels, predProbs, options);
            var flagged = result.RankedIndices ?? [.. Enumerable.Range(0, labels.Count).Where(i => result.Mask[i])];
            return (flagged, result.RankScores ?? MultiLabelQuality.Scores(labels, predProbs, (ScoreMethod)rankBy));
        }, cancellationToken);
        progress.Report($"{indices.Length} issues found; writing output");
        await output.WriteAsync(parseResult, context, writer =>
            MultiLabelIssueWriter.WriteAsync(writer, labels, predProbs, indices, scores, parseResult.GetValue(output.Format)));
        return ExitCodes.Success;
    }
}
