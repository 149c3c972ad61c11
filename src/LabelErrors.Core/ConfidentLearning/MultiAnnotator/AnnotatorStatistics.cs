namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>_get_annotator_stats</c> and <c>_get_annotator_quality</c>.</summary>
internal static class AnnotatorStatistics
{
    /// <summary>The per-annotator table, ordered as cleanlab orders it: by annotator_quality, then agreement_with_consensus, NaN last, ties in column order.</summary>
    public static AnnotatorStats[] Compute(
        AnnotatorLabels labels, int[] consensus, int[] numAnnotations, ConsensusStats stats, double[] detailed, QualityMethod quality)
    {
        int m = labels.M;
        var labelled = labels.NumExamplesLabeled();
        var agreementMultiple = AgreementOnMultiplyLabelled(labels, consensus, numAnnotations);
        var annotatorQuality = quality == QualityMethod.Crowdlab
            ? CrowdlabQuality(labels, numAnnotations, stats, detailed, agreementMultiple)
            : agreementMultiple;

        var rows = new AnnotatorStats[m];
        Parallelism.For(m, j =>
        {
            long agree = 0;
            for (int i = 0; i < labels.N; i++)
            {
                int label = labels[i, j];
                if (label != AnnotatorLabels.Missing && label == consensus[i]) agree++;
            }

            rows[j] = new AnnotatorStats(
                j,
                labels.AnnotatorIds[j],
                annotatorQuality[j],
                (double)agree / labelled[j],
                WorstClass.Of(labels, j, consensus, stats.ConsensusQualityScore, stats.K),
                labelled[j]);
        });

        // pandas sort_values(by=[two columns]) is a stable lexicographic sort with NaN last
        return rows
            .OrderBy(r => double.IsNaN(r.AnnotatorQuality) ? 1 : 0).ThenBy(r => r.AnnotatorQuality)
            .ThenBy(r => double.IsNaN(r.AgreementWithConsensus) ? 1 : 0).ThenBy(r => r.AgreementWithConsensus)
            .ThenBy(r => r.Annotator)
            .ToArray();
    }

    /// <summary>Each annotator's agreement with the consensus on the examples with more than one label (NaN when it has none).</summary>
    private static double[] AgreementOnMultiplyLabelled(AnnotatorLabels labels, int[] consensus, int[] numAnnotations)
    {
        int m = labels.M;
        var agree = new long[m];
        var count = new long[m];
        for (int i = 0; i < labels.N; i++)
        {
            if (numAnnotations[i] == 1) continue;
            var row = labels.Row(i);
            for (int j = 0; j < m; j++)
            {
                if (row[j] == AnnotatorLabels.Missing) continue;
                count[j]++;
                if (row[j] == consensus[i]) agree[j]++;
            }
        }

        return Enumerable.Range(0, m).Select(j => count[j] == 0 ? double.NaN : (double)agree[j] / count[j]).ToArray();
    }

    /// <summary>w · (mean label quality of its labels) + (1 − w) · agreement, w = model weight / (model weight + scaled annotator weights).</summary>
    private static double[] CrowdlabQuality(
        AnnotatorLabels labels, int[] numAnnotations, ConsensusStats stats, double[] detailed, double[] agreement)
    {
        int n = labels.N, m = labels.M;
        var annotatorWeight = stats.AnnotatorWeight!;
        double modelWeight = stats.ModelWeight!.Value;

        // np.nanmean(detailed_label_quality, axis=0): the array cleanlab builds is column-major, so each column is
        // one contiguous pairwise sum over all N rows (NaN counted as 0)
        var labelQuality = new double[m];
        Parallelism.For(m, j =>
        {
            var column = new double[n];
            long count = 0;
            for (int i = 0; i < n; i++)
            {
                double v = detailed[i * m + j];
                if (double.IsNaN(v)) continue;
                column[i] = v;
                count++;
            }

            labelQuality[j] = NumpyReductions.Sum<double>(column) / count;
        });

        double meanAnnotations = (double)numAnnotations.Sum(x => (long)x) / n;
        double averageFraction = meanAnnotations / m;
        double adjustedAnnotatorWeight = NumpyReductions.Sum<double>(annotatorWeight) * averageFraction;
        double w = modelWeight / (modelWeight + adjustedAnnotatorWeight);
        return Enumerable.Range(0, m).Select(j => w * labelQuality[j] + (1 - w) * agreement[j]).ToArray();
    }
}
