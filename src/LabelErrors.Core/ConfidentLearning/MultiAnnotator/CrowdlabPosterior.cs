using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// cleanlab's <c>_get_post_pred_probs_and_weights</c> with <c>quality_method='crowdlab'</c>: the model's and each
/// annotator's weight, and the posterior = (model weight · pred_probs + Σ annotator weight · likelihood) / total weight.
/// Sums run in numpy's order (pairwise means, annotators added in column order) so that exact ties between classes
/// come out as in cleanlab; the prior term is multiplied in the precision of pred_probs, as numpy does.
/// </summary>
internal sealed record CrowdlabPosterior(double[] Posterior, double ModelWeight, double[] AnnotatorWeight)
{
    private const double ClippingLowerBound = 1e-6;

    public static CrowdlabPosterior Compute(
        AnnotatorLabels labels, PredProbs predProbs, VoteCounts votes, int[] numAnnotations, int[] consensus, double[] agreement,
        double[]? withOtherAnnotators = null)
    {
        int n = labels.N, m = labels.M, k = predProbs.K;

        // likelihood that an annotator gives (or does not give) the consensus label, over examples with several labels
        var multi = Enumerable.Range(0, n).Where(i => numAnnotations[i] != 1).ToArray();
        double consensusLikelihood = NumpySum.Mean(multi.Select(i => agreement[i]).ToArray());
        double nonConsensusLikelihood = (1 - consensusLikelihood) / (k - 1);

        double mostLikelyClassError = Math.Max(MostLikelyClassError(multi, consensus, k), ClippingLowerBound);

        // independent of the consensus: best_quality passes the one computed for the majority vote's statistics
        var withAnnotators = withOtherAnnotators ?? AnnotatorAgreement.WithOtherAnnotators(labels, votes, numAnnotations);
        var annotatorWeight = new double[m];
        for (int j = 0; j < m; j++)
        {
            double error = 1 - withAnnotators[j];
            annotatorWeight[j] = Clip(1 - error / mostLikelyClassError);
        }

        int modelErrors = 0;
        foreach (int i in multi) modelErrors += PredictedLabels.ArgMax(predProbs, i) != consensus[i] ? 1 : 0;
        double modelError = (double)modelErrors / multi.Length;
        double meanAnnotations = (double)numAnnotations.Sum(x => (long)x) / n;
        double modelWeight = Math.Max(1 - modelError / mostLikelyClassError, ClippingLowerBound) * Math.Sqrt(meanAnnotations);

        var posterior = ScaledPrior(predProbs, modelWeight);
        var present = new double[m];
        var absent = new double[m];
        for (int j = 0; j < m; j++)
        {
            present[j] = annotatorWeight[j] * consensusLikelihood;
            absent[j] = annotatorWeight[j] * nonConsensusLikelihood;
        }

        Parallelism.ForBlocks(n, 4096, (start, end) =>
        {
            // an example's labels gathered in column order, so each sum adds the annotators in cleanlab's order
            var annotators = new int[m];
            var given = new int[m];
            for (int i = start; i < end; i++)
            {
                var row = labels.Row(i);
                int count = 0;
                double annotationWeight = 0;
                for (int j = 0; j < m; j++)
                {
                    if (row[j] == AnnotatorLabels.Missing) continue;
                    annotators[count] = j;
                    given[count++] = row[j];
                    annotationWeight += annotatorWeight[j];
                }

                double totalWeight = annotationWeight + modelWeight;
                var post = posterior.AsSpan(i * k, k);
                for (int c = 0; c < k; c++)
                {
                    double value = post[c];
                    for (int t = 0; t < count; t++) value += given[t] == c ? present[annotators[t]] : absent[annotators[t]];
                    post[c] = value / totalWeight;
                }
            }
        });
        return new CrowdlabPosterior(posterior, modelWeight, annotatorWeight);
    }

    private static double Clip(double value) => value < ClippingLowerBound ? ClippingLowerBound : value;

    /// <summary>The error of always predicting the most common consensus label (first such class on ties).</summary>
    private static double MostLikelyClassError(int[] multi, int[] consensus, int k)
    {
        var counts = new long[k];
        foreach (int i in multi) counts[consensus[i]]++;
        int common = 0;
        for (int c = 1; c < k; c++)
        {
            if (counts[c] > counts[common]) common = c;
        }

        long wrong = 0;
        foreach (int i in multi) wrong += consensus[i] != common ? 1 : 0;
        return (double)wrong / multi.Length;
    }

    /// <summary><c>prior_pred_probs[:, c] * model_weight</c>: numpy multiplies a float32/float16 array by the weight in that precision.</summary>
    private static double[] ScaledPrior(PredProbs predProbs, double modelWeight) => predProbs switch
    {
        PredProbs<double> d => Scaled(d, modelWeight),
        PredProbs<float> f => Scaled(f, modelWeight),
        PredProbs<Half> h => Scaled(h, modelWeight),
        _ => throw new NotSupportedException(predProbs.GetType().Name),
    };

    private static double[] Scaled<T>(PredProbs<T> p, double weight)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T w = T.CreateChecked(weight);
        var data = p.Data;
        var result = new double[data.Length];
        for (int i = 0; i < data.Length; i++) result[i] = double.CreateChecked(data[i] * w);
        return result;
    }
}
