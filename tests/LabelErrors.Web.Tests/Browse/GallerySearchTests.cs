using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Browse.Caching;
using LabelErrors.Web.Review.Visitors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Browse;

/// <summary>The study gallery's search keeps the count of a view's filters until the study's data changes.</summary>
public sealed class GallerySearchTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private GallerySearch Search => _site.Services.GetRequiredService<GallerySearch>();

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        await _site.SeedStudyAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private async Task<int> DatasetIdAsync() =>
        (await _site.Services.GetRequiredService<DatasetLookup>().FindAsync("cifar10"))!.Id;

    private async Task<int> UnflagOneAsync(int datasetId, ExampleQuery view)
    {
        var first = (await _site.Services.GetRequiredService<ExampleSearch>().SearchAsync(datasetId, view)).Items[0].StudyIndex;
        await using var db = await _site.DbAsync();
        return await db.Examples.Where(e => e.DatasetId == datasetId && e.StudyIndex == first)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.IsValidatedError, false));
    }

    [Fact]
    public async Task A_views_count_is_the_same_on_every_page_and_sort_until_the_data_changes()
    {
        var datasetId = await DatasetIdAsync();
        var view = ExampleQuery.Parse("?sort=index&size=2");
        var counted = (await Search.SearchAsync(datasetId, view)).TotalCount;
        Assert.True(counted >= 3, $"the view has {counted} examples");
        Assert.Equal(counted, (await _site.Services.GetRequiredService<ExampleSearch>().SearchAsync(datasetId, view)).TotalCount);

        Assert.Equal(1, await UnflagOneAsync(datasetId, view));

        // Another page and another sort of the same filters: the kept count, and the page itself is read afresh.
        var kept = await Search.SearchAsync(datasetId, view with { Page = 2, Sort = ExampleSort.LabelQuality });
        Assert.Equal(counted, kept.TotalCount);
        Assert.Equal(2, kept.Items.Count);

        // An import (or any change of the study's data) signals the change: the count is read again.
        _site.Services.GetRequiredService<BrowseDataChanges>().Signal();
        Assert.Equal(counted - 1, (await Search.SearchAsync(datasetId, view)).TotalCount);
    }

    [Fact]
    public async Task The_disputed_views_count_follows_the_visitors_votes_at_once()
    {
        var dataset = (await _site.Services.GetRequiredService<DatasetLookup>().FindAsync("cifar10"))!;
        var disputed = ExampleQuery.Parse("?disputed=1&scope=all");
        Assert.Equal(0, (await Search.SearchAsync(dataset.Id, disputed)).TotalCount);

        // Enough visitors contradict the workers' consensus of one example to dispute it.
        var votes = _site.Services.GetRequiredService<VisitorVoteService>();
        var example = (await _site.Services.GetRequiredService<ExampleSearch>().SearchAsync(dataset.Id, ExampleQuery.Parse("?consensus=correctable"))).Items[0];
        for (var i = 0; i < 5; i++)
            await votes.VoteAsync(dataset, example.StudyIndex, $"browser-gallery-{i}", VisitorAnswer.Given);
        var tally = await votes.TallyAsync(dataset.Id, (await ExampleIdAsync(dataset.Id, example.StudyIndex)));
        Assert.True(tally?.IsDisputed, "five visitors choosing the given label dispute a correctable example");

        Assert.Equal(1, (await Search.SearchAsync(dataset.Id, disputed)).TotalCount);
    }

    private async Task<long> ExampleIdAsync(int datasetId, long studyIndex)
    {
        await using var db = await _site.DbAsync();
        return await db.Examples.Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex).Select(e => e.Id).SingleAsync();
    }
}
