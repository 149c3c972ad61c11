namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// cleanlab's <c>find_best_temp_scaler</c> and <c>temp_scale_pred_probs</c> (ActiveLab's calibration), in float64.
/// Row sums and means follow numpy's pairwise order; exp/log are the platform's, so values agree with numpy to a
/// few ulps rather than bit for bit.
/// </summary>
internal static class TemperatureScaling
{
    private const double SmallConst = 1e-30;
    private const double Epsilon = 1e-6;
    private static readonly double[] CoarseSearchRange = [0.1, 0.2, 0.5, 0.8, 1, 2, 3, 5, 8];
    private const int FineSearchSize = 4;

    /// <summary>The temperature whose softmax-rescaled pred_probs have the lowest mean soft cross-entropy with the annotators' label shares.</summary>
    public static double FindBest(AnnotatorLabels labels, double[] predProbs, int k)
    {
        int n = labels.N;
        var votes = VoteCounts.Count(labels, k);
        var numAnnotations = labels.NumAnnotations();
        var empirical = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            var row = empirical.AsSpan(i * k, k);
            EmpiricalLabelCounts.Fill(votes.Row(i), row);
            for (int c = 0; c < k; c++) row[c] /= numAnnotations[i];
        }

        var logProbs = new double[predProbs.Length];
        for (int i = 0; i < logProbs.Length; i++) logProbs[i] = predProbs[i] > 0 ? Math.Log(predProbs[i]) : double.NegativeInfinity;

        double[] coarse = CoarseSearchRange.Select(t => MeanSoftCrossEntropy(empirical, logProbs, k, t)).ToArray();
        int best = ArgMin(coarse);
        var fine = FineSearchRange(best);
        double[] fineEntropy = fine.Select(t => MeanSoftCrossEntropy(empirical, logProbs, k, t)).ToArray();
        return fine[ArgMin(fineEntropy)];
    }

    /// <summary><c>temp_scale_pred_probs</c>: clip at 1e-30, renormalise, softmax(log(p) / T), renormalise.</summary>
    public static double[] Scale(double[] predProbs, int k, double temperature)
    {
        var result = new double[predProbs.Length];
        var row = new double[k];
        for (int start = 0; start < predProbs.Length; start += k)
        {
            for (int c = 0; c < k; c++) row[c] = Math.Max(predProbs[start + c], SmallConst);
            double sum = NumpySum.Of(row);
            for (int c = 0; c < k; c++) row[c] = Math.Log(row[c] / sum);
            Softmax(row, temperature);
            sum = NumpySum.Of(row);
            for (int c = 0; c < k; c++) result[start + c] = row[c] / sum;
        }

        return result;
    }

    private static double MeanSoftCrossEntropy(double[] empirical, double[] logProbs, int k, double temperature)
    {
        int n = empirical.Length / k;
        var entropy = new double[n];
        double logK = Math.Log(k);
        var row = new double[k];
        var terms = new double[k];
        for (int i = 0; i < n; i++)
        {
            logProbs.AsSpan(i * k, k).CopyTo(row);
            Softmax(row, temperature);
            for (int c = 0; c < k; c++) terms[c] = empirical[i * k + c] * Math.Log(Math.Max(row[c], SmallConst));
            entropy[i] = -NumpySum.Of(terms) / logK;
        }

        return NumpySum.Mean(entropy);
    }

    /// <summary>cleanlab's <c>softmax(x, temperature, shift=False)</c> of one row, in place.</summary>
    private static void Softmax(Span<double> row, double temperature)
    {
        double divisor = Math.Max(temperature, Epsilon);
        for (int c = 0; c < row.Length; c++) row[c] = Math.Exp(row[c] / divisor);
        double sum = NumpySum.Of(row);
        for (int c = 0; c < row.Length; c++) row[c] /= sum;
    }

    /// <summary><c>_set_fine_search_range</c>: 4 points below the best coarse value (endpoint excluded), 5 from it to the next.</summary>
    private static double[] FineSearchRange(int best)
    {
        var range = new List<double>();
        if (best != 0) range.AddRange(Linspace(CoarseSearchRange[best - 1], CoarseSearchRange[best], FineSearchSize, endpoint: false));
        if (best != CoarseSearchRange.Length - 1) range.AddRange(Linspace(CoarseSearchRange[best], CoarseSearchRange[best + 1], FineSearchSize + 1, endpoint: true));
        return range.ToArray();
    }

    /// <summary>numpy's <c>linspace</c>: start + i · step, the last point set to stop when it is included.</summary>
    private static double[] Linspace(double start, double stop, int num, bool endpoint)
    {
        double step = (stop - start) / (endpoint ? num - 1 : num);
        var values = new double[num];
        for (int i = 0; i < num; i++) values[i] = i * step + start;
        if (endpoint && num > 1) values[^1] = stop;
        return values;
    }

    private static int ArgMin(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] < values[best] || (double.IsNaN(values[i]) && !double.IsNaN(values[best]))) best = i;
        }

        return best;
    }
}
