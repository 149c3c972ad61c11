using System.Net;
using LabelErrors.Core.Corrections;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Corrections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Corrections;

/// <summary>
/// The corrected export the /corrected page and the API share, on the hand-made seed (42 of CIFAR-10's 10,000 test
/// examples, eight of each consensus category among the checked ones): counts as the votes say, the API's bytes, and
/// no index-aligned .npy of an incomplete set.
/// </summary>
public sealed class CorrectedExportTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private CorrectedExport Export => _site.Services.GetRequiredService<CorrectedExport>();

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        await _site.SeedStudyAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_counts_follow_the_consensus_of_the_seeded_votes()
    {
        var testSet = await Export.LoadAsync("cifar10");
        Assert.NotNull(testSet);
        await using var db = await _site.DbAsync();
        var examples = await db.Examples.Where(e => e.DatasetId == testSet.DatasetId).ToListAsync();
        Assert.Equal(examples.Count, testSet.Examples.Count);
        Assert.False(testSet.IsComplete);

        var kept = CorrectedExport.Apply(testSet, CorrectionOptions.Default);
        Assert.Equal(examples.Count(e => e.Consensus == ConsensusCategory.Correctable), kept.CorrectedCount);
        Assert.Equal(0, kept.DroppedCount);
        Assert.Equal(examples.Count, kept.Rows.Count);

        var drop = CorrectionOptions.Default with
        {
            MultiLabel = UncorrectableHandling.Drop, Neither = UncorrectableHandling.Drop, NonAgreement = UncorrectableHandling.Drop,
        };
        var dropped = CorrectedExport.Apply(testSet, drop);
        Assert.Equal(examples.Count(e => e.Consensus is ConsensusCategory.MultiLabel or ConsensusCategory.Neither or ConsensusCategory.NonAgreement),
            dropped.DroppedCount);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task The_file_is_the_bytes_the_api_serves(string format)
    {
        var request = CorrectionRequest.TryParse(k => k == CorrectionRequest.Keys.Format ? format : k == CorrectionRequest.Keys.MinAgreement ? "4" : null, out _, out _)!;
        var testSet = await Export.LoadAsync("cifar10");

        var file = CorrectedExport.Write(testSet!, request);

        var response = await _site.Client.GetAsync($"/api/v1/datasets/cifar10/corrected{request.ToQueryString()}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await response.Content.ReadAsByteArrayAsync(), file.Content);
        Assert.Equal(response.Content.Headers.ContentType!.ToString(), file.ContentType);
        Assert.Equal(response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), file.FileName);
        Assert.Equal(file.Set.CorrectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Corrected-Count").Single());
    }

    [Fact]
    public async Task An_incomplete_set_has_no_npy_and_an_unknown_or_uploaded_set_is_not_found()
    {
        var testSet = await Export.LoadAsync("cifar10");
        var npy = CorrectionRequest.Default with { Format = CorrectedLabelsFormat.Npy };

        Assert.False(CorrectedExport.CanWrite(testSet!, CorrectedLabelsFormat.Npy));
        Assert.True(CorrectedExport.CanWrite(testSet!, CorrectedLabelsFormat.Csv));
        Assert.Throws<InvalidOperationException>(() => CorrectedExport.Write(testSet!, npy));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _site.Client.GetAsync("/api/v1/datasets/cifar10/corrected?format=npy")).StatusCode);

        Assert.Null(await Export.LoadAsync("nope"));
        using var data = new SyntheticUpload(examples: 100, classes: 3, seed: 2);
        var (token, _) = await _site.UploadAsync(data);
        Assert.Null(await Export.LoadAsync(Web.Uploads.ShareTokens.Slug(token)));
    }
}
