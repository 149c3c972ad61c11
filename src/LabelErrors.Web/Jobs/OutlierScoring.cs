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
    public static UploadOutliers? Compute(int[] labels, PredProbs predProbs) =>
        HasTwoClasses(labels) ? From(labels, OutlierIssues.Find(labels, predProbs)) : null;

    /// <summary>The upload's outliers from Datalab's outlier issue computed elsewhere (the job's streamed row pass), plus the class imbalance.</summary>
    public static UploadOutliers From(int[] labels, OutlierIssuesResult issues)
    {
        var imbalance = ClassImbalance.Find(labels);
        var distinct = labels.Distinct().Count();
        var rarestCount = labels.LongCount(l => l == imbalance.RarestClass);
        return new UploadOutliers(issues.Scores, issues.IsOutlier, issues.IssueThreshold,
            new UploadClassImbalance(imbalance.RarestClass, rarestCount, imbalance.RarestClassShare,
                ClassImbalance.DefaultThreshold / distinct, imbalance.Imbalanced));
    }

    /// <summary>Whether outliers are computed at all: cleanlab's confident thresholds need two classes.</summary>
    public static bool HasTwoClasses(int[] labels)
    {
        foreach (var label in labels)
        {
            if (label != labels[0])
                return true;
        }
        return false;
    }
}
