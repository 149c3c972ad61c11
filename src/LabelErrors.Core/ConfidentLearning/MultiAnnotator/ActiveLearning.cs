namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab 2.9.0's <c>multiannotator.get_active_learning_scores</c> (ActiveLab).</summary>
public static class ActiveLearning
{
    /// <summary>
    /// ActiveLab scores for labelled examples (<paramref name="labels"/> with <paramref name="predProbs"/>) and for
    /// unlabelled ones (<paramref name="predProbsUnlabeled"/>); either part may be null (not both). Lower = more
    /// informative to label next. Computed in float64 (pred_probs are widened; cleanlab computes float32 inputs in
    /// float32). When every example has exactly one label, cleanlab skips calibration and CROWDLAB: the score mixes
    /// pred_probs[i, majority label] with 1/K.
    /// </summary>
    public static ActiveLearningScores Scores(AnnotatorLabels? labels, PredProbs? predProbs, PredProbs? predProbsUnlabeled = null)
    {
        if (predProbs is null && predProbsUnlabeled is null)
        {
            throw new ArgumentException("pred_probs and pred_probs_unlabeled cannot both be null; pass at least one.", nameof(predProbs));
        }

        if (predProbs is not null && predProbsUnlabeled is not null && predProbs.K != predProbsUnlabeled.K)
        {
            throw new ArgumentException("pred_probs and pred_probs_unlabeled must have the same number of classes.", nameof(predProbsUnlabeled));
        }

        double temperature = 1.0, modelWeight = 1.0, meanAnnotatorWeight = 1.0;
        int k = (predProbs ?? predProbsUnlabeled)!.K;
        double[] labelled = [];
        if (predProbs is not null)
        {
            if (labels is null)
            {
                throw new ArgumentException("labels_multiannotator cannot be null when pred_probs is given.", nameof(labels));
            }

            var numAnnotations = labels.NumAnnotations();
            double[] quality;
            double[] annotatorWeight;
            if (numAnnotations.All(c => c == 1))
            {
                MultiAnnotatorChecks.Validate(labels, predProbs, allowSingleLabel: true);
                var consensus = MajorityVote.LabelsCore(labels, predProbs, VoteCounts.Count(labels, k));
                quality = Enumerable.Range(0, labels.N).Select(i => predProbs[i, consensus[i]]).ToArray();
                annotatorWeight = Enumerable.Repeat(1.0, labels.M).ToArray();
            }
            else
            {
                MultiAnnotatorChecks.Validate(labels, predProbs, allowSingleLabel: false);
                var widened = Widen(predProbs);
                temperature = TemperatureScaling.FindBest(labels, widened, k);
                var scaled = PredProbs.FromDouble(TemperatureScaling.Scale(widened, k, temperature), predProbs.N, k);
                var result = MultiAnnotatorLabelQuality.Get(labels, scaled);
                quality = result.ConsensusQualityScore;
                modelWeight = result.ModelWeight!.Value;
                annotatorWeight = result.AnnotatorWeight!;
            }

            meanAnnotatorWeight = NumpySum.Mean(annotatorWeight);
            labelled = new double[labels.N];
            var weights = new List<double>(labels.M);
            for (int i = 0; i < labels.N; i++)
            {
                weights.Clear();
                var row = labels.Row(i);
                for (int j = 0; j < row.Length; j++)
                {
                    if (row[j] != AnnotatorLabels.Missing) weights.Add(annotatorWeight[j]);
                }

                double weight = NumpySum.Of(weights.ToArray()) + modelWeight;
                labelled[i] = Average(quality[i], weight, 1.0 / k, meanAnnotatorWeight);
            }
        }

        double[] unlabelled = [];
        if (predProbsUnlabeled is not null)
        {
            var scaled = TemperatureScaling.Scale(Widen(predProbsUnlabeled), k, temperature);
            unlabelled = new double[predProbsUnlabeled.N];
            for (int i = 0; i < unlabelled.Length; i++)
            {
                double max = double.NegativeInfinity;
                for (int c = 0; c < k; c++) max = Math.Max(max, scaled[i * k + c]);
                unlabelled[i] = Average(max, modelWeight, 1.0 / k, meanAnnotatorWeight);
            }
        }

        return new ActiveLearningScores(labelled, unlabelled);
    }

    /// <summary>numpy's <c>np.average((a, b), weights=(wa, wb))</c>.</summary>
    private static double Average(double a, double weightA, double b, double weightB) =>
        (a * weightA + b * weightB) / (weightA + weightB);

    private static double[] Widen(PredProbs p)
    {
        p.EnsureFinite();
        var values = new double[(long)p.N * p.K];
        for (int i = 0; i < p.N; i++)
        {
            for (int c = 0; c < p.K; c++) values[(long)i * p.K + c] = p[i, c];
        }

        return values;
    }
}
