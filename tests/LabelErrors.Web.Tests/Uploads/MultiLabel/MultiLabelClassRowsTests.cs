using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs.MultiLabel;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

/// <summary>Which (example, class) rows the job keeps, and their kind, from given labels, pred_probs and per-class issues.</summary>
public sealed class MultiLabelClassRowsTests
{
    [Fact]
    public void Given_predicted_and_flagged_classes_are_kept_with_their_kind_and_the_rest_are_not()
    {
        var labels = MultiLabels.From([[0, 2], [], [1]]);
        var predProbs = new PredProbs<double>(
        [
            0.9, 0.2, 0.1,   // 0: class 0 given and predicted; class 2 given, not predicted
            0.3, 0.7, 0.2,   // 1: nothing given; class 1 predicted
            0.1, 0.95, 0.6,  // 2: class 1 given and predicted; class 2 predicted
        ], 3, 3);
        // Per class: example 0's class 2 flagged (given: wrong); example 1's class 1 flagged (not given: missing).
        var perClass = new MultiLabelIssuesPerClass([[], [1], [0]], Ranked: false);

        var rows = MultiLabelAnalysisRunner.ClassRows(labels, predProbs, perClass, ScoreMethod.SelfConfidence, CancellationToken.None);

        Assert.Equal(
        [
            (0, 0, true, (MultiLabelIssueKind?)null),
            (0, 2, true, MultiLabelIssueKind.LabelWrong),
            (1, 1, false, MultiLabelIssueKind.LabelMissing),
            (2, 1, true, null),
            (2, 2, false, null),
        ], rows.Select(r => (r.Example, r.ClassIndex, r.IsGiven, r.Issue)));
        var perClassScores = MultiLabelQuality.ScoresPerClass(labels, predProbs);
        Assert.All(rows, r => Assert.Equal(perClassScores[r.Example * 3 + r.ClassIndex], r.Quality));
        Assert.All(rows, r => Assert.Equal(predProbs[r.Example, r.ClassIndex], r.Probability));
    }
}
