using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Api;

[Collection(StudyApiCollection.Name)]
public sealed class ScoreApiTests(StudyApiSite site)
{
    private static int[] Bundled(string path)
    {
        using var stream = StudyApiSite.Assets.Open(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return Npy.ReadLabels(buffer, path);
    }

    private static JsonElement Model(JsonDocument report, string name) =>
        report.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_study_model_scores_match_a_hand_computation_from_the_released_files_and_the_votes()
    {
        var predicted = Bundled(StudyModelFiles.PredictedLabels("mnist")!);
        var original = Bundled("label-errors/original_test_labels/mnist_test_set_original_labels.npy");
        await using var db = await site.DbAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == "mnist");
        var corrections = await db.Examples.Where(e => e.DatasetId == dataset.Id && e.Votes != null && e.Votes.Guessed >= 3 && e.Votes.Guessed > e.Votes.Given)
            .ToDictionaryAsync(e => e.StudyIndex, e => e.GuessedLabel!.Value);
        var rightOnOriginal = Enumerable.Range(0, original.Length).Count(i => predicted[i] == original[i]);
        var rightOnCorrected = Enumerable.Range(0, original.Length).Count(i => predicted[i] == corrections.GetValueOrDefault(i, original[i]));

        using var report = JsonDocument.Parse(await site.Client.GetStringAsync("/api/v1/datasets/mnist/scores"));
        var study = Model(report, StudyModelFiles.ModelName);

        Assert.Equal(10_000, study.GetProperty("examples").GetInt32());
        Assert.Equal(rightOnOriginal / 10_000.0, study.GetProperty("accuracyOriginal").GetDouble(), 12);
        Assert.Equal(rightOnCorrected / 10_000.0, study.GetProperty("accuracyCorrected").GetDouble(), 12);
        Assert.True(study.GetProperty("accuracyOriginal").GetDouble() > 0.9, "the study's MNIST model is far better than chance");
    }

    [Fact]
    public async Task Uploaded_models_are_ranked_with_the_study_model_and_the_order_change_is_reported()
    {
        var original = Bundled("label-errors/original_test_labels/mnist_test_set_original_labels.npy");
        var csv = await site.Client.GetStringAsync("/api/v1/datasets/mnist/corrected");
        var corrected = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => int.Parse(l.Split(',')[2])).ToArray();

        using var content = new MultipartFormDataContent
        {
            { NpyFile(original.Select(l => (long)l).ToArray()), "files", "memorizer.npy" },
            { NpyFile(corrected.Select(l => (long)l).ToArray()), "files", "oracle.npy" },
        };
        var response = await site.Client.PostAsync("/api/v1/datasets/mnist/scores", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var memorizer = Model(report, "memorizer");
        var oracle = Model(report, "oracle");
        Assert.Equal(1.0, memorizer.GetProperty("accuracyOriginal").GetDouble());
        Assert.Equal(1.0, oracle.GetProperty("accuracyCorrected").GetDouble());
        Assert.Equal(1, memorizer.GetProperty("originalRank").GetInt32());
        Assert.Equal(1, oracle.GetProperty("correctedRank").GetInt32());
        Assert.True(oracle.GetProperty("rankChange").GetInt32() > 0);
        Assert.Equal(0, memorizer.GetProperty("agreeWithCorrected").GetInt32());
        Assert.Equal(memorizer.GetProperty("changedExamples").GetInt32(), memorizer.GetProperty("agreeWithGiven").GetInt32());
        Assert.True(report.RootElement.GetProperty("orderChanges").GetBoolean());
        Assert.Equal(3, report.RootElement.GetProperty("models").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_length_is_a_clear_422_problem()
    {
        using var content = new MultipartFormDataContent { { NpyFile(new long[9_999]), "files", "short.npy" } };
        var response = await site.Client.PostAsync("/api/v1/datasets/mnist/scores", content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("9,999 rows", text);
        Assert.Contains("10,000 examples", text);
    }

    [Fact]
    public async Task Pred_probs_with_the_wrong_class_count_are_a_clear_422_problem()
    {
        var stream = new MemoryStream();
        Npy.Write(stream, new double[10_000 * 3], 10_000, 3);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(stream.ToArray()), "files", "pyx.npy" } };
        var response = await site.Client.PostAsync("/api/v1/datasets/mnist/scores", content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("3 columns but the dataset has 10 classes", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scoring_a_partial_test_set_is_refused()
    {
        var response = await site.Client.GetAsync("/api/v1/datasets/amazon/scores");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("whole test set", await response.Content.ReadAsStringAsync());
    }

    private static ByteArrayContent NpyFile(long[] labels)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, labels, labels.Length);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
