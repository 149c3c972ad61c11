using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The issue-rank order by keyset (the API's slices, a permalink's previous and next), walked on the bare issue_rank
/// in two runs (ranked, then unranked), lists exactly what the offset pages list: in the issues scope and in the all
/// scope sorted by rank, where it crosses from the ranked examples to the unranked ones.
/// </summary>
public sealed class UploadIssueRankKeysetTests
{
    [Fact]
    public async Task Keyset_slices_and_neighbours_follow_the_offset_pages_in_issue_rank_order()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 4, seed: 5, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, _) = await site.UploadAsync(data, "issue rank keyset");
        var search = site.Services.GetRequiredService<ExampleSearch>();
        await using var db = await site.DbAsync();
        var datasetId = await db.Datasets.Where(d => d.Upload!.ShareToken == token).Select(d => d.Id).SingleAsync();
        var rows = await db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId).ToListAsync();
        var ranked = rows.Where(r => r.IssueRank != null).OrderBy(r => r.IssueRank).ThenBy(r => r.StudyIndex).Select(r => r.StudyIndex).ToList();
        var unranked = rows.Where(r => r.IssueRank == null).OrderBy(r => r.StudyIndex).Select(r => r.StudyIndex).ToList();
        Assert.True(ranked.Count > 10 && unranked.Count > 10, $"{ranked.Count} ranked, {unranked.Count} unranked");

        var issues = UploadGallery.Defaults;
        var all = UploadGallery.Parse("?scope=all") with { Sort = ExampleSort.IssueRank };
        foreach (var (query, expected) in new[] { (issues, ranked), (all, ranked.Concat(unranked).ToList()) })
        {
            Assert.Equal(expected, await OffsetPagesAsync(search, datasetId, query));
            Assert.Equal(expected, await KeysetSlicesAsync(search, datasetId, query));
            for (var i = 0; i < expected.Count; i++)
            {
                var previous = i > 0 ? expected[i - 1] : (long?)null;
                var next = i + 1 < expected.Count ? expected[i + 1] : (long?)null;
                Assert.Equal(new ExampleNeighbours(previous, next), await search.NeighboursAsync(datasetId, query, expected[i]));
                var (example, neighbours) = await search.FindWithNeighboursAsync(datasetId, expected[i], query);
                Assert.Equal(expected[i], example!.StudyIndex);
                Assert.Equal(new ExampleNeighbours(previous, next), neighbours);
            }
        }

        // A cursor as the old code wrote it (c1, the key as a double: the rank, or double.MaxValue when unranked)
        // still starts right after its example, in either run.
        var lastRanked = rows.Single(r => r.StudyIndex == ranked[^1]);
        var fromRanked = await search.SearchAfterAsync(datasetId, all with { PageSize = 3 },
            ExampleCursor.TryDecode(new ExampleCursor(ExampleSort.IssueRank, default, lastRanked.IssueRank!.Value, lastRanked.StudyIndex).Encode()));
        Assert.Equal(unranked.Take(3), fromRanked.Items.Select(i => i.StudyIndex));
        var fromUnranked = await search.SearchAfterAsync(datasetId, all with { PageSize = 3 },
            new ExampleCursor(ExampleSort.IssueRank, default, double.MaxValue, unranked[4]));
        Assert.Equal(unranked.Skip(5).Take(3), fromUnranked.Items.Select(i => i.StudyIndex));
    }

    private static async Task<List<long>> OffsetPagesAsync(ExampleSearch search, int datasetId, ExampleQuery query)
    {
        var indices = new List<long>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(datasetId, query with { Page = page, PageSize = 7 });
            indices.AddRange(result.Items.Select(i => i.StudyIndex));
            if (page >= result.PageCount)
                return indices;
        }
    }

    private static async Task<List<long>> KeysetSlicesAsync(ExampleSearch search, int datasetId, ExampleQuery query)
    {
        var indices = new List<long>();
        ExampleCursor? after = null;
        do
        {
            var slice = await search.SearchAfterAsync(datasetId, query with { PageSize = 7 }, after);
            indices.AddRange(slice.Items.Select(i => i.StudyIndex));
            after = slice.Next;
        }
        while (after is not null);
        return indices;
    }
}
