using Microsoft.EntityFrameworkCore;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Uploads;

public sealed class BadUploadFixture : IAsyncLifetime
{
    public TestSite App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestSite.StartAsync(new Dictionary<string, string?>
    {
        ["Uploads:MaxContentUncompressedBytes"] = BadUploadCorpus.ContentUncompressedLimit.ToString(),
        ["Uploads:MaxPredProbsBytes"] = BadUploadCorpus.PredProbsLimit.ToString(),
        ["Jobs:WorkerCount"] = "0", // only validation is under test here

    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class BadUploadTests(BadUploadFixture fixture) : IClassFixture<BadUploadFixture>
{
    public static TheoryData<string> Cases => new(BadUploadCorpus.All.Select(c => c.Name));

    [Fact]
    public void The_corpus_has_at_least_30_bad_files() => Assert.True(BadUploadCorpus.All.Count >= 30, $"{BadUploadCorpus.All.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_upload_gets_a_4xx_with_its_message_and_nothing_is_stored(string name)
    {
        var bad = BadUploadCorpus.All.Single(c => c.Name == name);

        var (status, error, field) = await fixture.App.Api.PostRejectedAsync(bad.Form());

        Assert.InRange((int)status, 400, 499);
        Assert.Contains(bad.MessagePart, error);
        Assert.DoesNotContain('\n', error);
        Assert.Equal(bad.Field, field);
        await using var db = await fixture.App.DbAsync();
        Assert.Equal(0, await db.Datasets.CountAsync());
        Assert.Equal(0, await db.AnalysisJobs.CountAsync());
        Assert.Equal(0, await db.Examples.CountAsync());
        Assert.Empty(fixture.App.StoredFiles());
    }

    [Fact]
    public async Task The_valid_base_of_the_corpus_is_accepted()
    {
        // Guards the corpus: each case fails for its own defect, not because the base upload is broken.
        var response = await fixture.App.Client.PostAsync("/api/v1/uploads", BadUploadCorpus.Valid().Build());
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        await using var db = await fixture.App.DbAsync();
        await db.Examples.ExecuteDeleteAsync();
        await db.AnalysisJobs.ExecuteDeleteAsync();
        await db.Datasets.ExecuteDeleteAsync();
        foreach (var folder in Directory.GetDirectories(fixture.App.UploadsRoot))
            Directory.Delete(folder, recursive: true);
    }
}
