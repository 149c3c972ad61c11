using System.Globalization;
using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The upload page's views, run by the shared ExampleSearch, list exactly the examples they name: checked against the
/// issues CSV (find_label_issues' ranked order, written by other code) and against the stored rows filtered in memory.
/// </summary>
public sealed class UploadGallerySearchTests
{
    [Fact]
    public async Task Each_upload_view_lists_the_right_examples_in_the_right_order()
    {
        using var data = new SyntheticUpload(examples: 500, classes: 4, seed: 3, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, _) = await site.UploadAsync(data, "gallery search");
        var search = site.Services.GetRequiredService<ExampleSearch>();
        await using var db = await site.DbAsync();
        var datasetId = await db.Datasets.Where(d => d.Upload!.ShareToken == token).Select(d => d.Id).SingleAsync();
        var rows = await db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId).ToListAsync();

        // index,given,suggested,label quality; rows in rank order.
        var issues = (await site.Client.GetStringAsync(UploadUrls.IssuesCsv(token)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))
            .Select(f => (Index: long.Parse(f[0], CultureInfo.InvariantCulture), Given: int.Parse(f[1], CultureInfo.InvariantCulture), Suggested: int.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.True(issues.Count > 10, $"the synthetic upload should have flagged examples, got {issues.Count}");

        var flagged = UploadGallery.Parse("");
        Assert.Equal(issues.Select(i => i.Index), await AllPagesAsync(search, datasetId, flagged));

        var suggested = issues.GroupBy(i => i.Suggested).OrderByDescending(g => g.Count()).First().Key;
        Assert.Equal(issues.Where(i => i.Suggested == suggested).Select(i => i.Index),
            await AllPagesAsync(search, datasetId, UploadGallery.Parse($"?suggested={suggested}")));
        Assert.Equal(issues.Where(i => i.Given == 1).Select(i => i.Index),
            await AllPagesAsync(search, datasetId, UploadGallery.Parse("?given=1")));

        var bound = rows.Select(r => r.LabelQuality!.Value).Order().ElementAt(rows.Count / 3);
        var all = UploadGallery.Parse($"?scope=all&quality_max={bound.ToString("R", CultureInfo.InvariantCulture)}&suggested=2");
        var expected = rows.Where(r => r.LabelQuality <= bound && r.PredictedLabel == 2)
            .OrderBy(r => r.LabelQuality).ThenBy(r => r.StudyIndex).Select(r => r.StudyIndex).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await AllPagesAsync(search, datasetId, all));
        Assert.Equal(rows.Count, (await search.SearchAsync(datasetId, UploadGallery.Parse("?scope=all"))).TotalCount);
    }

    private static async Task<List<long>> AllPagesAsync(ExampleSearch search, int datasetId, ExampleQuery query)
    {
        var indices = new List<long>();
        for (var page = 1; ; page++)
        {
            var result = await search.SearchAsync(datasetId, query with { Page = page, PageSize = 7 });
            indices.AddRange(result.Items.Select(i => i.StudyIndex));
            if (page >= result.PageCount)
            {
                Assert.Equal(result.TotalCount, indices.Count);
                return indices;
            }
        }
    }
}
