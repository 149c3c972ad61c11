using System.Numerics;
using LabelErrors.Core.ConfidentLearning.MultiLabel;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// <c>multilabel_classification.rank.get_label_quality_scores</c> (without adjust_pred_probs) over pred_probs read in
/// row blocks: one pass, memory = the labels, the N scores and one block per worker. Same values as
/// <see cref="MultiLabelQuality.Scores"/> (tested).
/// </summary>
public static class StreamingMultiLabelScores
{
    public static double[] Scores(
        MultiLabels labels,
        PredProbsSource source,
        ScoreMethod method = ScoreMethod.SelfConfidence,
        StreamingOptions? streaming = null,
        double alpha = ExponentialMovingAverage.DefaultAlpha,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        streaming ??= new StreamingOptions();
        if (labels.Count != source.N) throw new ArgumentException($"pred_probs and labels must have the same length ({source.N} rows, {labels.Count} labels).", nameof(labels));
        if (labels.MaxClass() >= source.K) throw new ArgumentException($"pred_probs must have at least {labels.MaxClass() + 1} columns, based on the largest class index which appears in labels.", nameof(labels));
        MultiLabelChecks.ValidateScorerLabels(labels, source.K);
        MultiLabelQuality.CheckMethod(method, adjustPredProbs: false);
        return source switch
        {
            PredProbsSource<double> d => Run(labels, d, method, streaming, alpha, cancellationToken),
            PredProbsSource<float> f => Run(labels, f, method, streaming, alpha, cancellationToken),
            PredProbsSource<Half> h => Run(labels, h, method, streaming, alpha, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
    }

    private static double[] Run<T>(MultiLabels labels, PredProbsSource<T> source, ScoreMethod method, StreamingOptions streaming, double alpha, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var result = new double[source.N];
        var blocks = new RowBlocks<T>(source, streaming, passes: 1);
        blocks.Run(
            "multi-label scores",
            () => 0,
            (_, first, count, rows) =>
            {
                var scan = ValueScan.ScanBlock(rows);
                if (!scan.AllFinite || scan.Min < -1e-6 || scan.Max > 1 + 1e-6)
                {
                    throw new ArgumentException($"pred_probs rows {first}..{first + count - 1} hold a value that is not finite or not within [0, 1].", "source");
                }

                MultiLabelRowScore.Aggregate(rows, first, count, k, labels, method, alpha, result);
            },
            cancellationToken);
        return result;
    }
}
