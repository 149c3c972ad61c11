namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// cleanlab's <c>_get_consensus_stats</c> for given consensus labels: per-example annotator agreement, the posterior
/// pred_probs (N×K, row-major), the consensus quality scores and, for crowdlab, the model and annotator weights.
/// </summary>
internal sealed record ConsensusStats(
    double[] AnnotatorAgreement,
    double[] ConsensusQualityScore,
    double[] Posterior,
    int K,
    double? ModelWeight,
    double[]? AnnotatorWeight)
{
    public static ConsensusStats Compute(
        AnnotatorLabels labels, PredProbs predProbs, VoteCounts votes, int[] numAnnotations, int[] consensus, QualityMethod quality,
        double[]? withOtherAnnotators = null)
    {
        var agreement = AgreementWithConsensus(labels, consensus, numAnnotations);
        int k = predProbs.K;
        if (quality == QualityMethod.Crowdlab)
        {
            var crowdlab = CrowdlabPosterior.Compute(labels, predProbs, votes, numAnnotations, consensus, agreement, withOtherAnnotators);
            var scores = new double[labels.N];
            for (int i = 0; i < scores.Length; i++) scores[i] = crowdlab.Posterior[i * k + consensus[i]];
            return new ConsensusStats(agreement, scores, crowdlab.Posterior, k, crowdlab.ModelWeight, crowdlab.AnnotatorWeight);
        }

        // quality_method='agreement': the score is the agreement; the posterior is each example's vote shares,
        // placed as cleanlab's value_counts places them (see EmpiricalLabelCounts)
        var posterior = new double[labels.N * k];
        for (int i = 0; i < labels.N; i++)
        {
            var row = posterior.AsSpan(i * k, k);
            EmpiricalLabelCounts.Fill(votes.Row(i), row);
            for (int c = 0; c < k; c++) row[c] /= numAnnotations[i];
        }

        return new ConsensusStats(agreement, (double[])agreement.Clone(), posterior, k, null, null);
    }

    /// <summary>cleanlab's <c>_get_annotator_agreement_with_consensus</c>: the fraction of an example's annotators that chose its consensus label.</summary>
    public static double[] AgreementWithConsensus(AnnotatorLabels labels, int[] consensus, int[] numAnnotations)
    {
        var agreement = new double[labels.N];
        Parallelism.ForBlocks(labels.N, Parallelism.RowBlock, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                int agree = 0;
                foreach (int label in labels.Row(i)) agree += label == consensus[i] ? 1 : 0;
                agreement[i] = (double)agree / numAnnotations[i];
            }
        });
        return agreement;
    }
}
