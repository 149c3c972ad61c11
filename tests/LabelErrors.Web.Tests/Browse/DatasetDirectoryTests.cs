using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Browse;

/// <summary>
/// The one query of the site's datasets: the study's in the paper's order, the listed ones (study and listed uploads),
/// kept in memory until an import or a listed upload signals a change, and what the home page and the API add to them.
/// </summary>
public sealed class DatasetDirectoryTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private DatasetDirectory Directory => _site.Services.GetRequiredService<DatasetDirectory>();

    public async Task InitializeAsync() => _site = await TestSite.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_study_list_is_the_studys_datasets_in_the_papers_order_and_the_listed_list_adds_listed_uploads()
    {
        await _site.SeedStudyAsync();
        using var data = new SyntheticUpload(examples: 120, classes: 3, seed: 4);
        await _site.UploadAsync(new UploadForm().Field("name", "A listed upload").Field("listed", "true")
            .File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        await _site.UploadAsync(data, "An unlisted upload");

        Assert.Equal(["cifar10", "imdb", "audioset"], (await Directory.StudyAsync()).Select(d => d.Slug));
        var listed = await Directory.ListedAsync();
        Assert.Equal(["CIFAR-10", "IMDB", "AudioSet", "A listed upload"], listed.Select(d => d.Name));
        Assert.True(listed[^1].IsUpload);
        Assert.Equal(listed.Select(d => d.Slug), (await _site.Services.GetRequiredService<DatasetMenu>().ListAsync()).Select(l => l.Slug));
    }

    [Fact]
    public async Task The_lists_are_kept_until_a_change_is_signalled_but_an_empty_list_is_never_kept()
    {
        Assert.Empty(await Directory.StudyAsync());
        await _site.SeedStudyAsync();
        Assert.Equal(3, (await Directory.StudyAsync()).Count);
        Assert.Equal(3, (await Directory.ListedAsync()).Count);

        // Written behind the app's back (as the CLI's import would be): not seen until a change is signalled.
        await using (var db = await _site.DbAsync())
        {
            db.Datasets.Add(new Dataset { Slug = "mnist", Name = "MNIST", Modality = Modality.Image, TestSetSize = 10_000, ClassCount = 10, SortOrder = 1 });
            await db.SaveChangesAsync();
        }
        Assert.Equal(3, (await Directory.StudyAsync()).Count);
        Assert.Equal(3, (await Directory.ListedAsync()).Count);

        await _site.Services.GetRequiredService<BrowsePageCache>().EvictAllAsync();

        Assert.Equal(["mnist", "cifar10", "imdb", "audioset"], (await Directory.StudyAsync()).Select(d => d.Slug));
        Assert.Equal(4, (await Directory.ListedAsync()).Count);
    }

    [Fact]
    public async Task One_study_dataset_comes_with_its_classes_in_order_and_uploads_are_not_study_datasets()
    {
        await _site.SeedStudyAsync();
        using var data = new SyntheticUpload(examples: 120, classes: 3, seed: 4);
        var (token, _) = await _site.UploadAsync(data);

        var cifar = await Directory.StudyDatasetAsync("cifar10");
        Assert.Equal(BrowseSeed.CifarClasses, cifar!.Classes.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 10), cifar.Classes.Select(c => c.Index));
        Assert.Null(await Directory.StudyDatasetAsync("nope"));
        Assert.Null(await Directory.StudyDatasetAsync(Web.Uploads.ShareTokens.Slug(token)));
    }

    [Fact]
    public async Task Imported_example_counts_and_the_text_cover_snippets_come_from_the_examples()
    {
        await _site.SeedStudyAsync();
        var study = await Directory.StudyAsync();
        await using var db = await _site.DbAsync();
        var expected = study.ToDictionary(d => d.Id, d => (long)db.Examples.Count(e => e.DatasetId == d.Id));

        var counts = await Directory.ImportedExamplesAsync();
        Assert.Equal(expected.OrderBy(p => p.Key), counts.Where(p => expected.ContainsKey(p.Key)).OrderBy(p => p.Key));
        var cifar = study.Single(d => d.Slug == "cifar10");
        Assert.Equal(42, await Directory.ImportedExamplesAsync(cifar.Id));

        // IMDB's first validated error (index 0 is not an error in the seed) stands in for its cover; the others have none.
        var snippets = await Directory.CoverSnippetsAsync(study);
        var imdb = study.Single(d => d.Slug == "imdb");
        Assert.Equal([imdb.Id], snippets.Keys);
        Assert.StartsWith("Review number 1. The acting was wonderful", snippets[imdb.Id]);
    }

    [Fact]
    public async Task Cover_snippets_are_kept_until_a_change_is_signalled()
    {
        await _site.SeedStudyAsync();
        var study = await Directory.StudyAsync();
        var imdb = study.Single(d => d.Slug == "imdb");
        var before = await Directory.CoverSnippetsAsync(study);

        // Written behind the app's back: the home page keeps its cover text until an import signals a change.
        await using (var db = await _site.DbAsync())
            await db.ExampleTexts.Where(t => t.DatasetId == imdb.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Text, "Changed text"));
        Assert.Equal(before[imdb.Id], (await Directory.CoverSnippetsAsync(study))[imdb.Id]);

        await _site.Services.GetRequiredService<BrowsePageCache>().EvictAllAsync();

        Assert.Equal("Changed text", (await Directory.CoverSnippetsAsync(study))[imdb.Id]);
    }
}
