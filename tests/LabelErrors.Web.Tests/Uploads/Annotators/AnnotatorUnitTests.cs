using System.Text;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Validation;
using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Jobs;
using LabelErrors.Web.Uploads;
using LabelErrors.Web.Uploads.Annotators;

namespace LabelErrors.Web.Tests.Uploads.Annotators;

public sealed class UploadTasksTests
{
    [Theory]
    [InlineData(null, UploadTask.MultiClass)]
    [InlineData("", UploadTask.MultiClass)]
    [InlineData("multi-class", UploadTask.MultiClass)]
    [InlineData("multi-label", UploadTask.MultiLabel)]
    [InlineData(" Multi-Annotator ", UploadTask.MultiAnnotator)]
    public void A_task_field_names_its_task(string? value, UploadTask expected) => Assert.Equal(expected, UploadTasks.Parse(value));

    [Fact]
    public void An_unknown_task_is_refused_naming_the_field()
    {
        var e = Assert.Throws<UploadRejectedException>(() => UploadTasks.Parse("multiannotator"));
        Assert.Equal("task", e.Field);
        Assert.Equal("task 'multiannotator' is not one of multi-class, multi-label, multi-annotator", e.Message);
    }

    [Fact]
    public void Every_task_round_trips_through_its_name()
    {
        foreach (var task in Enum.GetValues<UploadTask>())
            Assert.Equal(task, UploadTasks.Parse(UploadTasks.Name(task)));
    }

    [Fact]
    public void The_consensus_method_defaults_to_best_quality_and_refuses_other_names()
    {
        Assert.Equal("best_quality", AnnotatorUploadOptions.ParseConsensusMethod(null));
        Assert.Equal("majority_vote", AnnotatorUploadOptions.ParseConsensusMethod(" majority_vote"));
        Assert.Equal(ConsensusMethod.MajorityVote, AnnotatorUploadOptions.ToCore("majority_vote"));
        Assert.Equal(ConsensusMethod.BestQuality, AnnotatorUploadOptions.ToCore(null));
        Assert.Equal("consensus_method", Assert.Throws<UploadRejectedException>(() => AnnotatorUploadOptions.ParseConsensusMethod("vote")).Field);
    }

    [Fact]
    public void The_consensus_method_rides_in_the_jobs_options_only_when_set()
    {
        Assert.DoesNotContain("consensus_method", new AnalysisOptions().ToJson());
        var stored = new AnalysisOptions { ConsensusMethod = "majority_vote" }.ToJson();
        Assert.Equal("majority_vote", AnalysisOptions.FromJson(stored).ConsensusMethod);
    }
}

public sealed class AnnotatorQueryKeysTests
{
    [Fact]
    public void The_annotator_filters_round_trip_through_the_query_string_and_count_as_filters()
    {
        var query = ExampleQuery.Default with { Annotator = 3, AnnotatorDisagrees = true, MaxAnnotatorAgreement = 0.5 };
        var text = query.ToQueryString();
        Assert.Contains("annotator=3", text);
        Assert.Contains("annotator_disagrees=1", text);
        Assert.Contains("agreement_max=0.5", text);
        Assert.Equal(query, ExampleQuery.Parse(text));
        Assert.True(query.HasFilters);
        Assert.False(query.WithoutFilters().HasFilters);
    }

    [Fact]
    public void The_upload_gallery_keeps_the_annotator_filters()
    {
        var query = UploadGallery.Parse("?scope=all&annotator=1&annotator_disagrees=1&agreement_max=0.25");
        Assert.Equal(1, query.Annotator);
        Assert.True(query.AnnotatorDisagrees);
        Assert.Equal(0.25, query.MaxAnnotatorAgreement);
        Assert.Equal("/u/tok?scope=all&annotator=2&annotator_disagrees=1", AnnotatorUrls.Gallery("tok", 2, disagreements: true));
    }

    [Theory]
    [InlineData("?agreement_max=1.5")]
    [InlineData("?agreement_max=-0.1")]
    [InlineData("?annotator=-1")]
    public void Out_of_range_values_are_dropped(string queryString)
    {
        var query = ExampleQuery.Parse(queryString);
        Assert.Null(query.Annotator);
        Assert.Null(query.MaxAnnotatorAgreement);
    }
}

public sealed class AnnotatorLeaderboardTests
{
    [Fact]
    public void The_best_annotator_comes_first_and_one_without_a_quality_last()
    {
        LeaderboardRow Row(int annotator, double? quality, double agreement, int labelled) =>
            new(annotator, $"a{annotator}", quality, agreement, 0, "cat", labelled);
        var ranked = AnnotatorLeaderboard.Rank([Row(0, 0.5, 0.9, 10), Row(1, null, 1.0, 99), Row(2, 0.8, 0.7, 5), Row(3, 0.5, 0.9, 20), Row(4, 0.5, 0.95, 1)]);
        Assert.Equal([2, 4, 3, 0, 1], ranked.Select(r => r.Annotator));
    }
}

public sealed class MultiAnnotatorAnalysisTests
{
    [Fact]
    public void Flagged_examples_are_disagreements_among_annotators_or_with_the_model_ranked_by_lowest_consensus_quality()
    {
        // 4 examples × 3 annotators, 3 classes; −1 = no label.
        var labels = new AnnotatorLabels([0, 0, 0, 1, 1, 2, 2, 2, -1, 0, 1, 2], 4, 3);
        var predProbs = PredProbs.FromDouble(new double[]
        {
            0.9, 0.05, 0.05,
            0.2, 0.7, 0.1,
            0.1, 0.8, 0.1,
            0.4, 0.3, 0.3,
        }, 4, 3);
        var result = MultiAnnotatorLabelQuality.Get(labels, predProbs);
        var predicted = PredictedLabels.ArgMax(predProbs);

        var ranked = MultiAnnotatorAnalysis.RankIssues(result, predicted);

        var expected = Enumerable.Range(0, 4)
            .Where(i => result.AnnotatorAgreement[i] < 1 || predicted[i] != result.ConsensusLabel[i])
            .OrderBy(i => result.ConsensusQualityScore[i]).ThenBy(i => i).ToArray();
        Assert.Equal(expected, ranked);
        Assert.DoesNotContain(0, ranked); // all three chose 0 and so does the model
        Assert.Contains(1, ranked);       // one annotator chose 2
        Assert.Contains(3, ranked);       // three different labels
    }
}

public sealed class AnnotatorUploadInputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("annotator-inputs").FullName;

    [Fact]
    public void Valid_inputs_are_read_with_their_sizes_and_class_names()
    {
        var inputs = Read("a,b\n0,1\n1,1\n2,\n", "0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n", "cat\ndog\nbird\n");
        Assert.Equal(3, inputs.ExampleCount);
        Assert.Equal(3, inputs.ClassCount);
        Assert.Equal(["a", "b"], inputs.Labels.Labels.AnnotatorIds);
        Assert.Equal(["cat", "dog", "bird"], inputs.ClassNames);
    }

    [Fact]
    public void Class_names_that_do_not_match_the_columns_are_refused_naming_the_file()
    {
        var e = Assert.Throws<LabelErrorsInputException>(() => Read("a,b\n0,1\n1,1\n2,\n", "0.8,0.1,0.1\n0.1,0.8,0.1\n0.1,0.1,0.8\n", "cat\ndog\n"));
        Assert.Equal("names.txt: 2 class names but pred_probs has 3 columns", e.Message);
    }

    private ValidatedAnnotatorInputs Read(string annotations, string predProbs, string? names)
    {
        var labelsPath = Write("labels.csv", annotations);
        var predPath = Write("pred.csv", predProbs);
        var namesPath = names is null ? null : Write("names.txt", names);
        return AnnotatorUploadInputs.Read(labelsPath, "votes.csv", predPath, "probs.csv", namesPath, names is null ? null : "names.txt", CancellationToken.None);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, Encoding.UTF8);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
