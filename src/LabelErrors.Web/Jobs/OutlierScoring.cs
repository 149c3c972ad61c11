using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The outlier part of a multi-class upload's analysis, as Datalab computes it from pred_probs and labels alone:
/// <see cref="OutlierIssues"/> (OutOfDistribution scores, outlier below 0.13 × their median) and
/// <see cref="ClassImbalance"/>. The same calls as the CLI's <c>outliers</c> command.
/// </summary>
public static class OutlierScoring
{
    /// <summary>Null when the labels hold a single class: OutOfDistribution's confident thresholds need two (cleanlab raises).</summary>
    public static UploadOutliers? Compute(int[] labels, PredProbs predProbs)
    {
        if (!HasTwoClasses(labels))
            return null;
        var issues = OutlierIssues.Find(labels, predProbs);
        var imbalance = ClassImbalance.Find(labels);
        var distinct = labels.Distinct().Count();
        var rarestCount = labels.LongCount(l => l == imbalance.RarestClass);
        return new UploadOutliers(issues.Scores, issues.IsOutlier, issues.IssueThreshold,
            new UploadClassImbalance(imbalance.RarestClass, rarestCount, imbalance.RarestClassShare,
                ClassImbalance.DefaultThreshold / distinct, imbalance.Imbalanced));
    }

    private static bool HasTwoClasses(int[] labels)
    {
        foreach (var label in labels)
        {
            if (label != labels[0])
                return true;
        }
        return false;
    }
}
