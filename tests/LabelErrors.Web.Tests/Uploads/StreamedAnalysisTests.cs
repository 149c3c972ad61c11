using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The job reads a streamable pred_probs .npy in row blocks instead of loading it: every value it stores (issues and
/// ranks, label quality, margins, suggested labels, outliers, the health summary) equals the in-memory path's on the
/// same files, for float16 and float32, over several blocks (120,000 × 20: 2–3 blocks of 4 MiB).
/// </summary>
public sealed class StreamedAnalysisTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "float16", "prune_by_noise_rate", "self_confidence" },
        { "float32", "prune_by_noise_rate", "self_confidence" },
        { "float16", "both", "normalized_margin" },
        { "float32", "prune_by_class", "confidence_weighted_entropy" },
        { "float16", "confident_learning", "confidence_weighted_entropy" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_streamed_job_stores_exactly_what_the_in_memory_job_stores(string dtype, string filterBy, string rankBy)
    {
        using var data = new SyntheticUpload(examples: 120_000, classes: 20, seed: 5);
        data.AddUniformRows(first: 7, every: 1000);
        if (dtype == "float16")
        {
            var bytes = new byte[data.PredProbs.Length * 2];
            for (var i = 0; i < data.PredProbs.Length; i++)
                BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), (Half)data.PredProbs[i]);
            File.WriteAllBytes(data.PredProbsPath, NpyBytes.Make("<f2", $"({data.Examples}, {data.Classes})", bytes));
        }
        var files = new UploadFiles(data.LabelsPath, "labels.npy", data.PredProbsPath, "pred_probs.npy", null, null, null, null);
        var analysis = new AnalysisOptions { FilterBy = filterBy, RankBy = rankBy };
        var runner = new AnalysisRunner(Microsoft.Extensions.Options.Options.Create(new JobOptions()));
        var stages = new List<string>();

        Assert.True(AnalysisRunner.Streams(files));
        var streamed = await runner.RunStreamedAsync(files, analysis, (stage, _) => stages.Add(stage), CancellationToken.None);
        var loaded = await runner.RunInMemoryAsync(files, analysis, (_, _) => { }, CancellationToken.None);

        Assert.Equal(loaded.Labels, streamed.Labels);
        Assert.Equal(loaded.RankedIssues, streamed.RankedIssues);
        Assert.True(streamed.RankedIssues.Length > 100, "the synthetic set has label errors to find");
        Assert.Equal(loaded.PredictedLabels, streamed.PredictedLabels);
        Assert.Equal(loaded.LabelQuality, streamed.LabelQuality);
        Assert.Equal(loaded.NormalizedMargin, streamed.NormalizedMargin);

        Assert.NotNull(streamed.Outliers);
        Assert.Equal(loaded.Outliers!.Scores, streamed.Outliers.Scores);
        Assert.Equal(loaded.Outliers.IsOutlier, streamed.Outliers.IsOutlier);
        Assert.Equal(loaded.Outliers.IssueThreshold, streamed.Outliers.IssueThreshold);
        Assert.Equal(loaded.Outliers.ClassImbalance, streamed.Outliers.ClassImbalance);
        Assert.True(streamed.Outliers.OutlierCount > 0, "the uniform rows are outliers");

        Assert.Equal(loaded.Health.OverallLabelHealthScore, streamed.Health.OverallLabelHealthScore);
        Assert.Equal(loaded.Health.Joint, streamed.Health.Joint);
        Assert.Equal(loaded.Health.ClassesByLabelQuality, streamed.Health.ClassesByLabelQuality);
        Assert.Equal(loaded.Health.OverlappingClasses, streamed.Health.OverlappingClasses);
        Assert.Equal(UploadHealth.From(loaded.Health, loaded.RankedIssues.Length, loaded.Outliers).ToJson(),
            UploadHealth.From(streamed.Health, streamed.RankedIssues.Length, streamed.Outliers).ToJson());
        Assert.Equal([JobStage.Validating, JobStage.ConfidentJoint, JobStage.Pruning, JobStage.Ranking], stages.Distinct());
    }

    [Fact]
    public void Csv_pred_probs_are_loaded_and_npy_files_stream()
    {
        using var data = new SyntheticUpload(examples: 50, classes: 3);
        Assert.True(AnalysisRunner.Streams(new UploadFiles(data.LabelsPath, "labels.npy", data.PredProbsPath, "pred_probs.npy", null, null, null, null)));
        var csv = Path.Combine(data.Folder, "pred_probs.csv");
        File.WriteAllText(csv, "0.5,0.25,0.25\n");
        Assert.False(AnalysisRunner.Streams(new UploadFiles(data.LabelsPath, "labels.npy", csv, "pred_probs.csv", null, null, null, null)));
    }
}
