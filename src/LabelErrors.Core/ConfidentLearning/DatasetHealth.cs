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
        using var source = Streaming.PredProbsSource.FromMemory(predProbs);
        return HealthSummary(labels.ToArray(), source, asymmetric);
    }

    /// <summary>
    /// <see cref="HealthSummary(ReadOnlySpan{int}, PredProbs, bool)"/> over a matrix read in row blocks (e.g. the
    /// upload's stored .npy): three passes (self-confidences, confident guesses, then whether the off-diagonal rows are
    /// predicted as given, only the blocks holding one); memory O(N) small arrays and O(K²), not the matrix.
    /// </summary>
    public static HealthSummary HealthSummary(int[] labels, Streaming.PredProbsSource source, bool asymmetric = false,
        Streaming.StreamingOptions? streaming = null, CancellationToken cancellationToken = default) =>
        HealthSummary(labels, source, out _, asymmetric, streaming, cancellationToken);

    /// <summary>
    /// <see cref="HealthSummary(int[], Streaming.PredProbsSource, bool, Streaming.StreamingOptions?, CancellationToken)"/>,
    /// handing out the confident thresholds its first pass computed (an upload's row pass scores the outliers from
    /// them, <see cref="Streaming.StreamingRowScores"/>).
    /// </summary>
    public static HealthSummary HealthSummary(int[] labels, Streaming.PredProbsSource source, out Streaming.ClassThresholds thresholds,
        bool asymmetric = false, Streaming.StreamingOptions? streaming = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(source);
        InputChecks.ValidateLabels(labels, source.N, source.K, allowOneClass: true);
        streaming ??= new Streaming.StreamingOptions();
        var (confidentJoint, offDiagonalNotPredicted, thresholdValues) = source switch
        {
            Streaming.PredProbsSource<double> d => ConfidentCounts(labels, d, streaming, cancellationToken),
            Streaming.PredProbsSource<float> f => ConfidentCounts(labels, f, streaming, cancellationToken),
            Streaming.PredProbsSource<Half> h => ConfidentCounts(labels, h, streaming, cancellationToken),
            _ => throw new NotSupportedException(source.GetType().Name),
        };
        thresholds = thresholdValues;
        var joint = ConfidentJoint.Normalize(ConfidentJoint.Calibrate(confidentJoint, ConfidentJoint.LabelCounts(labels, source.K)));
        return new HealthSummary(
            1 - offDiagonalNotPredicted / (double)labels.Length,
            joint,
            RankClassesByLabelQuality(joint, labels.Length),
            FindOverlappingClasses(joint, labels.Length, asymmetric));
    }

    /// <summary>
    /// The confident joint (uncalibrated, diagonal at least 1, as <c>compute_confident_joint</c> before calibration)
    /// and <c>num_label_issues(estimation_method="off_diagonal")</c>: the off-diagonal examples whose argmax is not
    /// their given label; and the confident thresholds they came from.
    /// </summary>
    private static (long[,] Joint, int OffDiagonalNotPredicted, Streaming.ClassThresholds Thresholds) ConfidentCounts<T>(int[] labels, Streaming.PredProbsSource<T> source,
        Streaming.StreamingOptions streaming, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = source.K;
        var blocks = new Streaming.RowBlocks<T>(source, streaming, passes: 3);
        var selfConfidence = Streaming.StreamingPasses.SelfConfidence(blocks, source, labels, requireUnitRange: true, cancellationToken);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, selfConfidence, k, out bool allClassesPresent);
        var guesses = Streaming.StreamingPasses.Guesses(blocks, k, labels, thresholds, compareInFloat64: !allClassesPresent, cancellationToken);
        var joint = Streaming.StreamingPasses.CountJoint(guesses, labels, k);
        for (int c = 0; c < k; c++) joint[c, c] = Math.Max(joint[c, c], 1);

        bool OffDiagonal(int i) => guesses[i] != ConfidentGuesses.NotConfident && guesses[i] != labels[i];
        var blockHasOne = new bool[blocks.BlockCount];
        for (int i = 0; i < labels.Length; i++)
        {
            if (OffDiagonal(i)) blockHasOne[i / blocks.BlockRows] = true;
        }

        var counts = blocks.Run(
            "predicted as given",
            () => new int[1],
            (count, first, rowCount, rows) =>
            {
                for (int r = 0; r < rowCount; r++)
                {
                    int i = first + r;
                    if (OffDiagonal(i) && !ClassPruning.IsPredictedAsGiven(rows.Slice(r * k, k), labels[i])) count[0]++;
                }
            },
            cancellationToken,
            include: b => blockHasOne[b]);
        return (joint, counts.Sum(count => count[0]), Streaming.ClassThresholds.Of(thresholds));
    }
}
