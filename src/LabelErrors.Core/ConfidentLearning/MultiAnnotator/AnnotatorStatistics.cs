namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>_get_annotator_stats</c> and <c>_get_annotator_quality</c>.</summary>
internal static class AnnotatorStatistics
{
    /// <summary>The per-annotator table, ordered as cleanlab orders it: by annotator_quality, then agreement_with_consensus, NaN last, ties in column order.</summary>
    /// <param name="detailedByAnnotator">detailed_label_quality column-major (annotator j's N values at j·N), NaN where no label.</param>
    public static AnnotatorStats[] Compute(
        AnnotatorLabels labels, int[] consensus, int[] numAnnotations, ConsensusStats stats, double[] detailedByAnnotator, QualityMethod quality)
    {
        int m = labels.M;
        var labelled = labels.NumExamplesLabeled();

        // three independent passes over the labels (or the detailed quality), run side by side
        (long[] All, long[] Multiple, long[] CountMultiple) agreement = ([], [], []);
        double[]? labelQuality = null;
        int[] worst = [];
        Parallelism.For(3, part =>
        {
            switch (part)
            {
                case 0: agreement = CountAgreement(labels, consensus, numAnnotations); break;
                case 1: labelQuality = quality == QualityMethod.Crowdlab ? MeanLabelQuality(labels.N, m, detailedByAnnotator) : null; break;
                default: worst = WorstClass.Of(labels, consensus, stats.ConsensusQualityScore, stats.K); break;
            }
        });
        var (agreeAll, agreeMultiple, countMultiple) = agreement;
        var agreementMultiple = Enumerable.Range(0, m)
            .Select(j => countMultiple[j] == 0 ? double.NaN : (double)agreeMultiple[j] / countMultiple[j])
            .ToArray();
        var annotatorQuality = quality == QualityMethod.Crowdlab
            ? CrowdlabQuality(labels, numAnnotations, stats, labelQuality!, agreementMultiple)
            : agreementMultiple;

        var rows = Enumerable.Range(0, m)
            .Select(j => new AnnotatorStats(j, labels.AnnotatorIds[j], annotatorQuality[j], (double)agreeAll[j] / labelled[j], worst[j], labelled[j]));

        // pandas sort_values(by=[two columns]) is a stable lexicographic sort with NaN last
        return rows
            .OrderBy(r => double.IsNaN(r.AnnotatorQuality) ? 1 : 0).ThenBy(r => r.AnnotatorQuality)
            .ThenBy(r => double.IsNaN(r.AgreementWithConsensus) ? 1 : 0).ThenBy(r => r.AgreementWithConsensus)
            .ThenBy(r => r.Annotator)
            .ToArray();
    }

    /// <summary>Per annotator: labels equal to the consensus overall, and over the examples with more than one label (with their count).</summary>
    private static (long[] All, long[] Multiple, long[] CountMultiple) CountAgreement(AnnotatorLabels labels, int[] consensus, int[] numAnnotations)
    {
        int m = labels.M;
        var all = new long[m];
        var multiple = new long[m];
        var countMultiple = new long[m];
        for (int i = 0; i < labels.N; i++)
        {
            var row = labels.Row(i);
            bool several = numAnnotations[i] != 1;
            for (int j = 0; j < m; j++)
            {
                if (row[j] == AnnotatorLabels.Missing) continue;
                bool agrees = row[j] == consensus[i];
                all[j] += agrees ? 1 : 0;
                if (!several) continue;
                countMultiple[j]++;
                multiple[j] += agrees ? 1 : 0;
            }
        }

        return (all, multiple, countMultiple);
    }

    /// <summary>
    /// np.nanmean(detailed_label_quality, axis=0): the array cleanlab builds is column-major, so each column is one
    /// contiguous pairwise sum over all N rows (NaN counted as 0).
    /// </summary>
    private static double[] MeanLabelQuality(int n, int m, double[] detailedByAnnotator)
    {
        var labelQuality = new double[m];
        var column = new double[n];
        for (int j = 0; j < m; j++)
        {
            var values = detailedByAnnotator.AsSpan(j * n, n);
            long count = 0;
            for (int i = 0; i < n; i++)
            {
                double v = values[i];
                bool missing = double.IsNaN(v);
                column[i] = missing ? 0.0 : v;
                count += missing ? 0 : 1;
            }

            labelQuality[j] = NumpySum.Of(column) / count;
        }

        return labelQuality;
    }

    /// <summary>w · (mean label quality of its labels) + (1 − w) · agreement, w = model weight / (model weight + scaled annotator weights).</summary>
    private static double[] CrowdlabQuality(
        AnnotatorLabels labels, int[] numAnnotations, ConsensusStats stats, double[] labelQuality, double[] agreement)
    {
        int n = labels.N, m = labels.M;
        var annotatorWeight = stats.AnnotatorWeight!;
        double modelWeight = stats.ModelWeight!.Value;
        double meanAnnotations = (double)numAnnotations.Sum(x => (long)x) / n;
        double averageFraction = meanAnnotations / m;
        double adjustedAnnotatorWeight = NumpySum.Of(annotatorWeight) * averageFraction;
        double w = modelWeight / (modelWeight + adjustedAnnotatorWeight);
        return Enumerable.Range(0, m).Select(j => w * labelQuality[j] + (1 - w) * agreement[j]).ToArray();
    }
}
