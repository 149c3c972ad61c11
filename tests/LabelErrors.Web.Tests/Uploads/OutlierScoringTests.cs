using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Outliers;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Jobs;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>The job's outlier step: the core's Datalab results, the imbalance verdict, and the health JSON that carries them.</summary>
public sealed class OutlierScoringTests
{
    [Fact]
    public void The_job_stores_the_cores_outlier_issues_and_flags_the_seeded_uniform_rows()
    {
        using var data = new SyntheticUpload(examples: 900, classes: 5, seed: 21);
        var seeded = data.AddUniformRows(first: 4, every: 100);
        var labels = data.Labels.Select(l => (int)l).ToArray();
        var predProbs = PredProbs.FromSingle(data.PredProbs, data.Examples, data.Classes);

        var outliers = OutlierScoring.Compute(labels, predProbs)!;

        var core = OutlierIssues.Find(labels, predProbs);
        Assert.Equal(core.Scores, outliers.Scores);
        Assert.Equal(core.IsOutlier, outliers.IsOutlier);
        Assert.Equal(core.IssueThreshold, outliers.IssueThreshold);
        Assert.All(seeded, i => Assert.True(outliers.IsOutlier[i], $"row {i}"));
        Assert.Equal(core.IsOutlier.Count(f => f), outliers.OutlierCount);
    }

    [Fact]
    public void A_class_below_a_tenth_of_its_fair_share_is_an_imbalance_and_the_verdict_survives_the_health_json()
    {
        // 3 classes: 500, 490 and 10 examples; 10 / 1000 = 1 % < 0.1 / 3.
        var labels = Enumerable.Range(0, 1000).Select(i => i < 500 ? 0 : i < 990 ? 2 : 1).ToArray();
        var probs = new double[1000 * 3];
        for (var i = 0; i < 1000; i++)
        {
            for (var c = 0; c < 3; c++)
                probs[i * 3 + c] = c == labels[i] ? 0.8 : 0.1;
        }

        var outliers = OutlierScoring.Compute(labels, PredProbs.FromDouble(probs, 1000, 3))!;

        Assert.Equal(new UploadClassImbalance(1, 10, 0.01, 0.1 / 3, true), outliers.ClassImbalance);
        var health = new UploadHealth([], [], 4, outliers.OutlierCount, outliers.IssueThreshold, outliers.ClassImbalance);
        var read = UploadHealth.FromJson(health.ToJson())!;
        Assert.Equal(outliers.ClassImbalance, read.ClassImbalance);
        Assert.Equal(outliers.OutlierCount, read.OutlierCount);
        Assert.Contains("\"classImbalance\":{\"rarestClass\":1,", health.ToJson());
    }

    [Fact]
    public void Labels_of_a_single_class_have_no_outlier_scores_and_older_health_json_reads_without_them()
    {
        var labels = new int[10];
        var probs = Enumerable.Repeat(0.5, 20).ToArray();
        Assert.Null(OutlierScoring.Compute(labels, PredProbs.FromDouble(probs, 10, 2)));

        var old = UploadHealth.FromJson("""{"classes":[],"overlaps":[],"issues":3}""")!;
        Assert.Equal(3, old.IssueCount);
        Assert.Null(old.OutlierCount);
        Assert.Null(old.ClassImbalance);
    }
}
