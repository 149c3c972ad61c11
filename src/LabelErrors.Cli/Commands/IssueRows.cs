using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

internal static class IssueRows
{
    /// <summary>Rows for the given example indices, in that order, with the score of each example (indexed by example).</summary>
    public static IReadOnlyList<IssueRow> Build(ValidatedInputs inputs, IEnumerable<int> rankedIndices, double[] scores)
    {
        var predProbs = inputs.PredProbs;
        return rankedIndices
            .Select(i => new IssueRow(i, inputs.Labels[i], PredictedLabels.ArgMax(predProbs, i), scores[i]))
            .ToArray();
    }

    /// <summary>Rows for the given example indices, in that order; <paramref name="scores"/>[m] belongs to rankedIndices[m].</summary>
    public static IReadOnlyList<IssueRow> BuildWithScoresInOrder(ValidatedInputs inputs, IReadOnlyList<int> rankedIndices, double[] scores)
    {
        var predProbs = inputs.PredProbs;
        return rankedIndices
            .Select((i, m) => new IssueRow(i, inputs.Labels[i], PredictedLabels.ArgMax(predProbs, i), scores[m]))
            .ToArray();
    }
}
