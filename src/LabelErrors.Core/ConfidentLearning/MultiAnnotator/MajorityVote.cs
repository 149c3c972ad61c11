namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab 2.9.0's <c>multiannotator.get_majority_vote_label</c>.</summary>
public static class MajorityVote
{
    /// <summary>
    /// The most frequent label of each example. Ties are broken as cleanlab does, in this order: the class with the
    /// highest pred_probs value (when given); the class chosen least often over the whole dataset; the class whose
    /// annotators agree most with the untied majority votes (each annotator's agreement; the mean agreement for an
    /// annotator without untied examples). Where cleanlab then picks at random, this picks the smallest class index.
    /// Without pred_probs the number of classes is the largest label + 1.
    /// </summary>
    public static int[] Labels(AnnotatorLabels labels, PredProbs? predProbs = null)
    {
        MultiAnnotatorChecks.Validate(labels, predProbs, allowSingleLabel: true);
        return LabelsCore(labels, predProbs, VoteCounts.Count(labels, predProbs?.K ?? MaxLabel(labels) + 1));
    }

    internal static int[] LabelsCore(AnnotatorLabels labels, PredProbs? predProbs, VoteCounts votes)
    {
        int n = labels.N, k = votes.K;
        var result = new int[n];
        var untied = new bool[n];
        var tied = new List<(int Example, int[] Candidates)>();
        var modes = new List<int>(k);
        for (int i = 0; i < n; i++)
        {
            var row = votes.Row(i);
            int max = 0;
            foreach (int c in row) max = Math.Max(max, c);
            modes.Clear();
            for (int c = 0; c < k; c++)
            {
                if (row[c] == max) modes.Add(c);
            }

            if (modes.Count == 1)
            {
                result[i] = modes[0];
                untied[i] = true;
            }
            else
            {
                tied.Add((i, modes.ToArray()));
            }
        }

        if (tied.Count == 0) return result;

        // tiebreak 1: the highest pred_probs value among the tied classes
        if (predProbs is not null)
        {
            tied = Narrow(tied, result, (i, candidates) => Best(candidates, c => predProbs[i, c], highest: true));
        }

        // tiebreak 2: the class least frequent over all annotations (to keep the class balance)
        if (tied.Count > 0)
        {
            var frequencies = votes.ClassTotals();
            tied = Narrow(tied, result, (_, candidates) => Best(candidates, c => frequencies[c], highest: false));
        }

        // tiebreak 3: the class given by the annotators that agree most with the untied majority votes
        if (tied.Count > 0)
        {
            var agreement = AgreementWithUntied(labels, result, untied);
            tied = Narrow(tied, result, (i, candidates) => Best(candidates, c => MeanAgreementOfLabel(labels, agreement, i, c), highest: true));
        }

        // cleanlab picks at random among what is still tied; the smallest class makes the result reproducible
        foreach (var (i, candidates) in tied) result[i] = candidates[0];
        return result;
    }

    private static List<(int Example, int[] Candidates)> Narrow(
        List<(int Example, int[] Candidates)> tied, int[] result, Func<int, int[], int[]> pick)
    {
        var still = new List<(int, int[])>();
        foreach (var (i, candidates) in tied)
        {
            var best = pick(i, candidates);
            if (best.Length == 1) result[i] = best[0];
            else still.Add((i, best.Length == 0 ? candidates : best));
        }

        return still;
    }

    /// <summary>The candidates whose score equals the extreme (numpy's <c>np.where(x == x.max())</c>; NaN never equals).</summary>
    private static int[] Best(int[] candidates, Func<int, double> score, bool highest)
    {
        var scores = candidates.Select(score).ToArray();
        double extreme = scores[0];
        foreach (double s in scores)
        {
            if (double.IsNaN(s) || double.IsNaN(extreme)) extreme = double.NaN;
            else extreme = highest ? Math.Max(extreme, s) : Math.Min(extreme, s);
        }

        return candidates.Where((_, m) => scores[m] == extreme).ToArray();
    }

    /// <summary>Each annotator's agreement with the untied majority votes; annotators without untied examples get the mean.</summary>
    private static double[] AgreementWithUntied(AnnotatorLabels labels, int[] result, bool[] untied)
    {
        int m = labels.M;
        var agree = new long[m];
        var count = new long[m];
        for (int i = 0; i < labels.N; i++)
        {
            if (!untied[i]) continue;
            var row = labels.Row(i);
            for (int j = 0; j < m; j++)
            {
                if (row[j] == AnnotatorLabels.Missing) continue;
                count[j]++;
                if (row[j] == result[i]) agree[j]++;
            }
        }

        var agreement = new double[m];
        for (int j = 0; j < m; j++) agreement[j] = count[j] == 0 ? double.NaN : (double)agree[j] / count[j];
        var known = agreement.Where(a => !double.IsNaN(a)).ToArray();
        double mean = NumpySum.Mean(known);
        for (int j = 0; j < m; j++)
        {
            if (double.IsNaN(agreement[j])) agreement[j] = mean;
        }

        return agreement;
    }

    private static double MeanAgreementOfLabel(AnnotatorLabels labels, double[] agreement, int example, int label)
    {
        var row = labels.Row(example);
        var values = new List<double>();
        for (int j = 0; j < row.Length; j++)
        {
            if (row[j] == label) values.Add(agreement[j]);
        }

        return NumpySum.Mean(values.ToArray());
    }

    private static int MaxLabel(AnnotatorLabels labels)
    {
        int max = -1;
        for (int i = 0; i < labels.N; i++)
        {
            foreach (int label in labels.Row(i)) max = Math.Max(max, label);
        }

        return max;
    }
}
