namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The prune count matrix of cleanlab 2.9.0's <c>find_label_issues</c>: the transposed confident joint,
/// so <c>m[j, k]</c> = examples given label k that are confidently class j, and <c>m[k, k]</c> = examples of
/// given label k to keep.
/// </summary>
internal static class PruneCounts
{
    /// <summary><c>_keep_at_least_n_per_class(confident_joint.T, n, frac_noise)</c>.</summary>
    public static long[,] KeepAtLeastNPerClass(long[,] confidentJoint, int n, double fracNoise)
    {
        int k = confidentJoint.GetLength(0);
        var diagonal = new long[k];
        var newDiagonal = new long[k];
        var noiseRatesPerColumn = new double[k];
        for (int c = 0; c < k; c++)
        {
            diagonal[c] = confidentJoint[c, c];
            newDiagonal[c] = Math.Max(diagonal[c], n);
            int nonZero = 0;
            for (int i = 0; i < k; i++)
            {
                if (confidentJoint[c, i] != 0) nonZero++; // column c of the transposed matrix
            }

            noiseRatesPerColumn[c] = Math.Max(nonZero - 1.0, 1.0);
        }

        // _reduce_prune_counts works column by column, and column j of the matrix only needs row j of the joint,
        // so no K×K matrix of doubles is built (800 MB each for K = 10,000)
        var result = new long[k, k];
        var column = new double[k];
        var reduced = new double[k];
        var removed = new double[k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++)
            {
                double v = confidentJoint[j, i] - (newDiagonal[j] - diagonal[j]) / noiseRatesPerColumn[j];
                column[i] = v < 0 ? 0 : v;
            }

            column[j] = newDiagonal[j];
            ReduceColumn(column, j, fracNoise, reduced, removed);
            for (int i = 0; i < k; i++) result[i, j] = (long)reduced[i];
        }

        return result;
    }

    /// <summary>
    /// <c>_reduce_prune_counts</c> for column j: off-diagonals times frac_noise, the removed mass moved onto the
    /// diagonal (np.sum(axis=0) of a Fortran-ordered matrix: pairwise along the column); the caller truncates to
    /// integers (the following round_preserving_row_totals leaves integers unchanged).
    /// </summary>
    private static void ReduceColumn(double[] column, int j, double fracNoise, double[] reduced, double[] removed)
    {
        for (int i = 0; i < column.Length; i++)
        {
            reduced[i] = i == j ? column[i] : column[i] * fracNoise;
            removed[i] = column[i] - reduced[i];
        }

        reduced[j] = column[j] + NumpyReductions.Sum<double>(removed);
    }

    /// <summary>
    /// The <c>num_to_remove_per_class</c> branch of <c>find_label_issues</c>, cleanlab's formula unchanged
    /// (<c>psy = m / m.sum(axis=1)</c> broadcasts over columns). Stricter than cleanlab: a row with no
    /// off-diagonal mass (cleanlab divides 0 by 0 there and rounds NaN) gets zero off-diagonal counts.
    /// </summary>
    public static long[,] WithNumToRemovePerClass(long[,] pruneCounts, IReadOnlyList<int> numToRemovePerClass, long[] labelCounts)
    {
        int k = pruneCounts.GetLength(0);
        if (numToRemovePerClass.Count != k)
        {
            throw new ArgumentException($"num_to_remove_per_class must have one entry per class ({k}).", nameof(numToRemovePerClass));
        }

        var rowSums = new long[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++) rowSums[i] += pruneCounts[i, j];
        }

        var psy = new double[k, k];
        var row = new double[k];
        var noisePerS = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                psy[i, j] = pruneCounts[i, j] / (double)rowSums[j];
                row[j] = psy[i, j];
            }

            noisePerS[i] = NumpyReductions.Sum<double>(row) - psy[i, i];
        }

        var tmp = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                if (i == j) tmp[i, j] = labelCounts[i] - numToRemovePerClass[i];
                else tmp[i, j] = noisePerS[i] == 0 ? 0 : psy[i, j] * numToRemovePerClass[i] / noisePerS[i];
            }
        }

        return RoundPreserving.RowTotals(tmp);
    }
}
