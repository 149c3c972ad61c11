namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>_get_single_annotator_worst_class</c>: the class each annotator most often gives wrongly.</summary>
internal static class WorstClass
{
    /// <summary>
    /// For each annotator, among the classes it gave: the lowest agreement with the consensus; on ties the class it
    /// gave most often; then the highest mean consensus quality of those examples (a pandas groupby mean, Kahan-summed
    /// in row order); then the smallest class. One row-major pass over the labels collects all annotators.
    /// </summary>
    public static int[] Of(AnnotatorLabels labels, int[] consensus, double[] consensusQuality, int k)
    {
        int m = labels.M;
        var count = new long[m * k];
        var agree = new long[m * k];
        var qualitySum = new double[m * k];
        var compensation = new double[m * k];
        for (int i = 0; i < labels.N; i++)
        {
            var row = labels.Row(i);
            for (int j = 0; j < m; j++)
            {
                int label = row[j];
                if (label == AnnotatorLabels.Missing) continue;
                int cell = j * k + label;
                count[cell]++;
                if (label == consensus[i]) agree[cell]++;
                double y = consensusQuality[i] - compensation[cell];
                double t = qualitySum[cell] + y;
                compensation[cell] = t - qualitySum[cell] - y;
                qualitySum[cell] = t;
            }
        }

        var worst = new int[m];
        for (int j = 0; j < m; j++)
        {
            int offset = j * k;
            var classes = Enumerable.Range(0, k).Where(c => count[offset + c] > 0).ToArray();
            worst[j] = Pick(classes, c => (double)agree[offset + c] / count[offset + c], c => count[offset + c], c => qualitySum[offset + c] / count[offset + c]);
        }

        return worst;
    }

    private static int Pick(int[] classes, Func<int, double> accuracy, Func<int, double> frequency, Func<int, double> meanQuality)
    {
        var candidates = Extremes(classes, accuracy, lowest: true);
        if (candidates.Length == 1) return candidates[0];
        candidates = Extremes(candidates, frequency, lowest: false);
        if (candidates.Length == 1) return candidates[0];
        candidates = Extremes(candidates, meanQuality, lowest: false);
        return candidates.Length > 0 ? candidates[0] : classes[0];
    }

    private static int[] Extremes(int[] classes, Func<int, double> value, bool lowest)
    {
        var values = classes.Select(value).ToArray();
        // pandas' min/max skip NaN; a NaN never equals the extreme
        var finite = values.Where(v => !double.IsNaN(v)).ToArray();
        if (finite.Length == 0) return [];
        double extreme = lowest ? finite.Min() : finite.Max();
        return classes.Where((_, m) => values[m] == extreme).ToArray();
    }
}
