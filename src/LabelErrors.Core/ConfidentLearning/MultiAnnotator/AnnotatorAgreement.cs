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

        // one row-major pass fills each annotator's (weighted value, weight) sequence in row order; reading the
        // labels column by column instead would touch a cache line per value
        var labelled = labels.NumExamplesLabeled();
        var weighted = new double[m][];
        var weights = new double[m][];
        for (int j = 0; j < m; j++)
        {
            weighted[j] = new double[labelled[j]];
            weights[j] = new double[labelled[j]];
        }

        var position = new int[m];
        var weightSum = new long[m];
        for (int i = 0; i < n; i++)
        {
            var row = labels.Row(i);
            int others = numAnnotations[i] - 1;
            for (int j = 0; j < m; j++)
            {
                int label = row[j];
                if (label == AnnotatorLabels.Missing) continue;
                // the annotator's own label is among the votes, hence the − 1; examples with one label weigh 0
                double perExample = others > 0 ? (double)(votes[i, label] - 1) / others : 0.0;
                weighted[j][position[j]] = perExample * others;
                weights[j][position[j]++] = others;
                weightSum[j] += others;
            }
        }

        var result = new double[m];
        for (int j = 0; j < m; j++)
        {
            result[j] = weightSum[j] == 0
                ? double.NaN
                : NumpySum.Of(weighted[j]) / NumpySum.Of(weights[j]);
        }

        var known = result.Where(a => !double.IsNaN(a)).ToArray();
        if (known.Length < m)
        {
            double mean = NumpySum.Mean(known);
            for (int j = 0; j < m; j++)
            {
                if (double.IsNaN(result[j])) result[j] = mean;
            }
        }

        return result;
    }
}
