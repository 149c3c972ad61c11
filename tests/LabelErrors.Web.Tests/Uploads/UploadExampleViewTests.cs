using System.Globalization;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The upload permalink's one load: the upload, the example with the labels the upload gave, and its neighbours in
/// the view (checked against the issues CSV, written by other code).
/// </summary>
public sealed class UploadExampleViewTests
{
    [Fact]
    public async Task An_example_comes_with_its_upload_labels_and_neighbours_in_the_view()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 3, seed: 13, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, _) = await site.UploadAsync(data, "view");
        var view = UploadGallery.Parse("?given=1");
        var flaggedGivenOne = (await site.Client.GetStringAsync(UploadUrls.IssuesCsv(token)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))
            .Where(f => f[1] == "1").Select(f => long.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        Assert.True(flaggedGivenOne.Count >= 3, $"the view has {flaggedGivenOne.Count} examples; the test needs 3");
        var pages = site.Services.GetRequiredService<UploadExampleView>();

        var middle = await pages.LoadAsync(token, flaggedGivenOne[1], view);

        Assert.True(middle.Found);
        Assert.Equal("view", middle.Upload!.Dataset.Name);
        Assert.Equal(flaggedGivenOne[1], middle.Example!.StudyIndex);
        Assert.Equal(data.Labels[flaggedGivenOne[1]], middle.Example.GivenLabel);
        Assert.Equal(flaggedGivenOne[0], middle.Neighbours.Previous);
        Assert.Equal(flaggedGivenOne[2], middle.Neighbours.Next);
        Assert.Null((await pages.LoadAsync(token, flaggedGivenOne[0], view)).Neighbours.Previous);

        var outside = await pages.LoadAsync(token, data.Examples, view);
        Assert.NotNull(outside.Upload);
        Assert.Null(outside.Example);
        Assert.False((await pages.LoadAsync("not-a-token", 0, view)).Found);
    }
}
