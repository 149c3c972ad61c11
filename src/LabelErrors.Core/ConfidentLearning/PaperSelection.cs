using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// The candidate label errors of the label-errors study ("Pervasive Label Errors in Test Sets", labelerrors.com),
/// reproduced from labels and cross-validated pred_probs with cleanlab 1.0.1 semantics: the examples with the
/// lowest normalized margin p[given] − max over other classes, most negative first, as many as the study's count rule:
/// <list type="bullet">
/// <item>imagenet: off-diagonal sum of the uncalibrated 1.0.1 confident joint;</item>
/// <item>mnist: the site shows 100 (the tutorial's rule, 1.0.1 prune_by_class with that joint, gives 87, see <see cref="NumErrors"/>);</item>
/// <item>every other dataset: 1.0.1 <c>num_label_errors</c> with the uncalibrated confident joint.</item>
/// </list>
/// Ties in the margin keep ascending index order. pred_probs are read as given (IMDB's published rows sum
/// slightly above 1; the study used them raw).
/// </summary>
public static class PaperSelection
{
    /// <summary>Dataset slugs of the study.</summary>
    public static IReadOnlyList<string> Slugs { get; } =
        ["mnist", "cifar10", "cifar100", "caltech256", "imagenet", "quickdraw", "20news", "imdb", "amazon", "audioset"];

    internal const int MnistShownOnSite = 100;

    /// <summary>The ranked indices shown on labelerrors.com for <paramref name="datasetSlug"/>.</summary>
    public static int[] Select(string datasetSlug, ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        int count = NormalizeSlug(datasetSlug) == "mnist"
            ? MnistShownOnSite
            : NumErrors(datasetSlug, labels, predProbs);
        return LowestMargins(labels, predProbs, count);
    }

    /// <summary>
    /// The number of errors of the label-errors tutorial's <c>get_label_error_indices_to_match_labelerrors_com</c>
    /// (for mnist: sum of 1.0.1 <c>get_noise_indices(prune_method='prune_by_class')</c> with the uncalibrated joint).
    /// </summary>
    public static int NumErrors(string datasetSlug, ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        string slug = NormalizeSlug(datasetSlug);
        var joint = Cleanlab101.ComputeConfidentJoint(labels, predProbs, calibrate: false);
        switch (slug)
        {
            case "imagenet":
                {
                    long offDiagonal = 0;
                    for (int i = 0; i < predProbs.K; i++)
                    {
                        for (int j = 0; j < predProbs.K; j++)
                        {
                            if (i != j) offDiagonal += joint[i, j];
                        }
                    }

                    return checked((int)offDiagonal);
                }

            case "mnist":
                return Cleanlab101.GetNoiseIndices(labels, predProbs, FilterBy.PruneByClass, joint).Count(flag => flag);
            default:
                return Cleanlab101.NumLabelErrors(joint, labels.Length);
        }
    }

    /// <summary>
    /// <c>np.argsort(p[i, label] − max_{k≠label} p[i, k], kind='stable')[:count]</c>: the most negative margins first.
    /// </summary>
    public static int[] LowestMargins(ReadOnlySpan<int> labels, PredProbs predProbs, int count)
    {
        InputChecks.Validate(labels, predProbs, allowOneClass: true, requireUnitRange: false);
        return predProbs switch
        {
            PredProbs<double> d => LowestMarginsCore(labels, d, count),
            PredProbs<float> f => LowestMarginsCore(labels, f, count),
            PredProbs<Half> h => LowestMarginsCore(labels, h, count),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    // margins in the element precision, as numpy computes them
    private static int[] LowestMarginsCore<T>(ReadOnlySpan<int> labels, PredProbs<T> p, int count)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var margins = new T[p.N];
        for (int i = 0; i < margins.Length; i++) margins[i] = Margin(p.Row(i), labels[i]);

        return StableOrder.LowestAscending<T>(margins, count);
    }

    /// <summary>The study's ranking key of one row: p[label] − max over the other classes, in the element precision.</summary>
    internal static T Margin<T>(ReadOnlySpan<T> row, int label)
        where T : IFloatingPointIeee754<T>
        => row[label] - LabelQuality.MaxExcluding(row, label);

    /// <summary>
    /// cleanlab's normalized_margin score (p[label] − max over other classes + 1) / 2 of every example, in the element
    /// precision, widened to double. Unlike <see cref="LabelQuality.Scores"/> this accepts values slightly above 1,
    /// as the study's published pred_probs hold (IMDB); values must be finite.
    /// </summary>
    public static double[] NormalizedMargins(ReadOnlySpan<int> labels, PredProbs predProbs)
    {
        InputChecks.Validate(labels, predProbs, allowOneClass: true, requireUnitRange: false);
        return predProbs switch
        {
            PredProbs<double> d => LabelQuality.Widen(LabelQuality.NormalizedMargin(labels, d)),
            PredProbs<float> f => LabelQuality.Widen(LabelQuality.NormalizedMargin(labels, f)),
            PredProbs<Half> h => LabelQuality.Widen(LabelQuality.NormalizedMargin(labels, h)),
            _ => throw new NotSupportedException(predProbs.GetType().Name),
        };
    }

    internal static string NormalizeSlug(string datasetSlug)
    {
        ArgumentNullException.ThrowIfNull(datasetSlug);
        string slug = datasetSlug.Trim().ToLowerInvariant();
        if (!Slugs.Contains(slug))
        {
            throw new ArgumentException($"Unknown dataset slug '{datasetSlug}'. Known: {string.Join(", ", Slugs)}.", nameof(datasetSlug));
        }

        return slug;
    }
}
