namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>_get_single_annotator_worst_class</c>: the class an annotator most often gives wrongly.</summary>
internal static class WorstClass
{
    /// <summary>
    /// Among the classes the annotator gave: the lowest agreement with the consensus; on ties the class it gave most
    /// often; then the highest mean consensus quality of those examples (a pandas groupby mean, Kahan-summed in row
    /// order); then the smallest class.
    /// </summary>
    public static int Of(AnnotatorLabels labels, int annotator, int[] consensus, double[] consensusQuality, int k)
    {
        var count = new long[k];
        var agree = new long[k];
        var qualitySum = new double[k];
        var compensation = new double[k];
        for (int i = 0; i < labels.N; i++)
        {
            int label = labels[i, annotator];
            if (label == AnnotatorLabels.Missing) continue;
            count[label]++;
            if (label == consensus[i]) agree[label]++;
            double y = consensusQuality[i] - compensation[label];
            double t = qualitySum[label] + y;
            compensation[label] = t - qualitySum[label] - y;
            qualitySum[label] = t;
        }

        var classes = Enumerable.Range(0, k).Where(c => count[c] > 0).ToArray();
        classes = Extremes(classes, c => (double)agree[c] / count[c], lowest: true);
        if (classes.Length == 1) return classes[0];
        classes = Extremes(classes, c => count[c], lowest: false);
        if (classes.Length == 1) return classes[0];
        classes = Extremes(classes, c => qualitySum[c] / count[c], lowest: false);
        return classes.Length > 0 ? classes[0] : Enumerable.Range(0, k).First(c => count[c] > 0);
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
