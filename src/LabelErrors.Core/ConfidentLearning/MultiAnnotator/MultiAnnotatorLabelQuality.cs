namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab 2.9.0's <c>multiannotator.get_label_quality_multiannotator</c> (CROWDLAB).</summary>
public static class MultiAnnotatorLabelQuality
{
    /// <summary>
    /// <c>get_label_quality_multiannotator(labels_multiannotator, pred_probs, consensus_method=…, quality_method=…,
    /// return_weights=True)</c> with calibrate_probs=False and the default label quality score (self_confidence).
    /// Refuses (ArgumentException) what cleanlab refuses — an example without labels, an annotator without labels, one
    /// annotator only, one label per example everywhere, labels beyond pred_probs' columns — and NaN/infinite pred_probs.
    /// </summary>
    public static MultiAnnotatorResult Get(
        AnnotatorLabels labels,
        PredProbs predProbs,
        ConsensusMethod consensusMethod = ConsensusMethod.BestQuality,
        QualityMethod qualityMethod = QualityMethod.Crowdlab)
    {
        ArgumentNullException.ThrowIfNull(predProbs);
        MultiAnnotatorChecks.Validate(labels, predProbs, allowSingleLabel: false);
        int k = predProbs.K;
        var numAnnotations = labels.NumAnnotations();
        var votes = VoteCounts.Count(labels, k);

        var majority = MajorityVote.LabelsCore(labels, predProbs, votes);
        // each annotator's agreement with the others does not depend on the consensus: computed once for both statistics
        var withOtherAnnotators = qualityMethod == QualityMethod.Crowdlab ? AnnotatorAgreement.WithOtherAnnotators(labels, votes, numAnnotations) : null;
        var stats = ConsensusStats.Compute(labels, predProbs, votes, numAnnotations, majority, qualityMethod, withOtherAnnotators);
        var consensus = majority;
        if (consensusMethod == ConsensusMethod.BestQuality)
        {
            consensus = BestQuality(stats, majority);
            stats = ConsensusStats.Compute(labels, predProbs, votes, numAnnotations, consensus, qualityMethod, withOtherAnnotators);
        }

        var detailed = DetailedQuality(labels, stats);
        var annotatorStats = AnnotatorStatistics.Compute(labels, consensus, numAnnotations, stats, detailed, qualityMethod);
        return new MultiAnnotatorResult(
            consensus, stats.ConsensusQualityScore, stats.AnnotatorAgreement, numAnnotations, detailed, labels.N,
            annotatorStats, stats.ModelWeight, stats.AnnotatorWeight);
    }

    /// <summary>The class with the single highest posterior under the majority-vote statistics; on an exact tie the majority vote.</summary>
    private static int[] BestQuality(ConsensusStats majorityStats, int[] majority)
    {
        int k = majorityStats.K;
        var result = new int[majority.Length];
        for (int i = 0; i < result.Length; i++)
        {
            var row = majorityStats.Posterior.AsSpan(i * k, k);
            double max = row[0];
            foreach (double v in row) max = Math.Max(max, v);
            int best = -1, count = 0;
            for (int c = 0; c < k; c++)
            {
                if (row[c] != max) continue;
                best = c;
                count++;
            }

            result[i] = count == 1 ? best : majority[i];
        }

        return result;
    }

    /// <summary>
    /// Each given label's quality: its posterior (self_confidence under the posterior); NaN where no label. Stored
    /// column-major (annotator j's values at j·N), the layout the per-annotator means read; filled in blocks of rows
    /// so that both the labels and the columns are walked through the cache, not across it; blocks in parallel (disjoint
    /// rows).
    /// </summary>
    private static double[] DetailedQuality(AnnotatorLabels labels, ConsensusStats stats)
    {
        const int blockRows = 512;
        int n = labels.N, m = labels.M, k = stats.K;
        var detailed = new double[(long)n * m];
        var posterior = stats.Posterior;
        Parallelism.ForBlocks(n, blockRows, (start, end) =>
        {
            for (int j = 0; j < m; j++)
            {
                var column = detailed.AsSpan(j * n, n);
                for (int i = start; i < end; i++)
                {
                    int label = labels[i, j];
                    column[i] = label == AnnotatorLabels.Missing ? double.NaN : posterior[i * k + label];
                }
            }
        });
        return detailed;
    }
}
