using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// cleanlab 2.9.0's <c>dataset</c> module: per-class label quality, overlapping classes and the overall label
/// health score. Rows are ordered like the pandas <c>sort_values</c> calls there (numpy's unstable quicksort,
/// reproduced in <see cref="NumpyQuicksort"/>), so ties come out in the same order as in cleanlab.
/// </summary>
public static class DatasetHealth
{
    private const double Epsilon = 1e-6;

    /// <summary><c>rank_classes_by_label_quality(labels, pred_probs)</c>: classes, lowest label quality first.</summary>
    public static IReadOnlyList<ClassLabelQuality> RankClassesByLabelQuality(ReadOnlySpan<int> labels, PredProbs predProbs)
        => RankClassesByLabelQuality(ConfidentJoint.EstimateJoint(labels, predProbs), labels.Length);

    /// <summary>Same from an estimated joint and the number of examples.</summary>
    public static IReadOnlyList<ClassLabelQuality> RankClassesByLabelQuality(double[,] joint, int numExamples)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int k = joint.GetLength(0);
        var rowSums = new double[k];
        var columnSums = new double[k];
        var row = new double[k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                row[j] = joint[i, j];
                columnSums[j] += joint[i, j]; // axis=0 of a C-ordered matrix: row by row
            }

            rowSums[i] = NumpyReductions.Sum<double>(row); // axis=1: pairwise along the row
        }

        var rows = new ClassLabelQuality[k];
        var scores = new double[k];
        for (int c = 0; c < k; c++)
        {
            double givenNoise = rowSums[c] - joint[c, c];
            double trueNoise = columnSums[c] - joint[c, c];
            double givenConditional = givenNoise / Math.Max(rowSums[c], Epsilon);
            double trueConditional = trueNoise / Math.Max(columnSums[c], Epsilon);
            scores[c] = 1 - givenConditional;
            rows[c] = new ClassLabelQuality(
                c,
                (long)Math.Round(givenNoise * numExamples, MidpointRounding.ToEven),
                (long)Math.Round(trueNoise * numExamples, MidpointRounding.ToEven),
                givenConditional,
                trueConditional,
                scores[c]);
        }

        return NumpyQuicksort.ArgSort(scores).Select(i => rows[i]).ToArray();
    }

    /// <summary><c>find_overlapping_classes(labels, pred_probs, asymmetric=asymmetric)</c>: class pairs, most overlap first.</summary>
    public static IReadOnlyList<ClassOverlap> FindOverlappingClasses(ReadOnlySpan<int> labels, PredProbs predProbs, bool asymmetric = false)
        => FindOverlappingClasses(ConfidentJoint.EstimateJoint(labels, predProbs), labels.Length, asymmetric);

    /// <summary>Same from an estimated joint and the number of examples.</summary>
    public static IReadOnlyList<ClassOverlap> FindOverlappingClasses(double[,] joint, int numExamples, bool asymmetric = false)
    {
        ArgumentNullException.ThrowIfNull(joint);
        int k = joint.GetLength(0);
        var pairs = new List<ClassOverlap>();
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                if (asymmetric ? a == b : a >= b) continue;
                double probability = asymmetric ? joint[a, b] : joint[a, b] + joint[b, a];
                pairs.Add(new ClassOverlap(a, b, (long)Math.Round(probability * numExamples, MidpointRounding.ToEven), probability));
            }
        }

        var probabilities = pairs.Select(pair => pair.JointProbability).ToArray();
        return NumpyQuicksort.PandasDescending(probabilities).Select(i => pairs[i]).ToArray();
    }

    /// <summary><c>overall_label_health_score(labels, pred_probs)</c> = 1 − num_label_issues / N.</summary>
    public static double OverallLabelHealthScore(ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        int issues = LabelIssues.Count(labels, predProbs, NumLabelIssuesMethod.OffDiagonal);
        return 1 - issues / (double)labels.Length;
    }

    /// <summary>
    /// <c>health_summary(labels, pred_probs, asymmetric=asymmetric)</c>. cleanlab computes the confident joint twice
    /// (once calibrated for the joint, once for the off-diagonal count of the health score): both come from the same
    /// thresholds and confident guesses, so they are computed once here, by the block passes of the streaming path
    /// (which widen float16 a block at a time and split the rows over the cores; bit-identical to the whole-matrix path).
    /// </summary>
    public static HealthSummary HealthSummary(ReadOnlySpan<int> labels, PredProbs predProbs, bool asymmetric = false)
    {
        InputChecks.ValidateLabels(labels, predProbs, allowOneClass: true);
        var labelArray = labels.ToArray();
        var (confidentJoint, offDiagonalNotPredicted) = predProbs switch
        {
            PredProbs<double> d => ConfidentCounts(labelArray, d),
            PredProbs<float> f => ConfidentCounts(labelArray, f),
            PredProbs<Half> h => ConfidentCounts(labelArray, h),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
        var joint = ConfidentJoint.Normalize(ConfidentJoint.Calibrate(confidentJoint, ConfidentJoint.LabelCounts(labels, predProbs.K)));
        return new HealthSummary(
            1 - offDiagonalNotPredicted / (double)labels.Length,
            joint,
            RankClassesByLabelQuality(joint, labels.Length),
            FindOverlappingClasses(joint, labels.Length, asymmetric));
    }

    /// <summary>
    /// The confident joint (uncalibrated, diagonal at least 1, as <c>compute_confident_joint</c> before calibration)
    /// and <c>num_label_issues(estimation_method="off_diagonal")</c>: the off-diagonal examples whose argmax is not
    /// their given label.
    /// </summary>
    private static (long[,] Joint, int OffDiagonalNotPredicted) ConfidentCounts<T>(int[] labels, PredProbs<T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = p.K;
        using var source = new Streaming.InMemoryPredProbsSource<T>(p);
        var blocks = new Streaming.RowBlocks<T>(source, new Streaming.StreamingOptions(), passes: 2);
        var selfConfidence = Streaming.StreamingPasses.SelfConfidence(blocks, source, labels, requireUnitRange: true, CancellationToken.None);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, selfConfidence, k, out bool allClassesPresent);
        var guesses = Streaming.StreamingPasses.Guesses(blocks, k, labels, thresholds, compareInFloat64: !allClassesPresent, CancellationToken.None);
        var joint = Streaming.StreamingPasses.CountJoint(guesses, labels, k);
        for (int c = 0; c < k; c++) joint[c, c] = Math.Max(joint[c, c], 1);
        int count = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            int guess = guesses[i];
            if (guess != ConfidentGuesses.NotConfident && guess != labels[i] && !ClassPruning.IsPredictedAsGiven(p.Row(i), labels[i])) count++;
        }

        return (joint, count);
    }
}
