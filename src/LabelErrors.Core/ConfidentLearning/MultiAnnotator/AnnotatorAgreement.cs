namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>_get_annotator_agreement_with_annotators</c> (the basis of CROWDLAB's annotator weights).</summary>
internal static class AnnotatorAgreement
{
    /// <summary>
    /// For each annotator, the average over the examples it labelled of the fraction of the other annotators of that
    /// example who chose the same label, weighted by their number (numpy's <c>np.average</c>: pairwise sums in row
    /// order). An annotator that shares no example with another gets the mean of the others' values.
    /// </summary>
    public static double[] WithOtherAnnotators(AnnotatorLabels labels, VoteCounts votes, int[] numAnnotations)
    {
        int n = labels.N, m = labels.M;
        var result = new double[m];
        Parallelism.For(m, j =>
        {
            var weighted = new List<double>();
            var weights = new List<double>();
            long weightSum = 0;
            for (int i = 0; i < n; i++)
            {
                int label = labels[i, j];
                if (label == AnnotatorLabels.Missing) continue;
                int others = numAnnotations[i] - 1;
                weightSum += others;
                // the annotator's own label is among the votes, hence the − 1; examples with one label weigh 0
                double perExample = others > 0 ? (double)(votes[i, label] - 1) / others : 0.0;
                weighted.Add(perExample * others);
                weights.Add(others);
            }

            result[j] = weightSum == 0
                ? double.NaN
                : NumpyReductions.Sum<double>(weighted.ToArray()) / NumpyReductions.Sum<double>(weights.ToArray());
        });

        var known = result.Where(a => !double.IsNaN(a)).ToArray();
        if (known.Length < m)
        {
            double mean = NumpyReductions.Mean<double>(known);
            for (int j = 0; j < m; j++)
            {
                if (double.IsNaN(result[j])) result[j] = mean;
            }
        }

        return result;
    }
}
