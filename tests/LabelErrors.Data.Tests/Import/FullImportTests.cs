using LabelErrors.Data.Entities;
using LabelErrors.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Tests.Import;

[Collection(FullImportCollection.Name)]
public sealed class FullImportTests(FullImportFixture fixture)
{
    [Fact]
    public void Every_dataset_imports()
    {
        Assert.Equal(10, fixture.Outcomes.Count);
        Assert.All(fixture.Outcomes, o => Assert.True(o.Status == DatasetImportStatus.Imported, $"{o.Slug}: {o.Status} {o.Problem}"));
    }

    [Theory]
    [InlineData("mnist", 10_000, 100)]
    [InlineData("cifar10", 10_000, 275)]
    [InlineData("cifar100", 10_000, 2_235)]
    [InlineData("caltech256", 29_780, 2_360)]
    [InlineData("imagenet", 50_000, 5_440)]
    [InlineData("quickdraw", 2_500, 2_500)]
    [InlineData("20news", 7_532, 93)]
    [InlineData("imdb", 25_000, 1_310)]
    [InlineData("amazon", 1_000, 1_000)]
    [InlineData("audioset", 20_371, 307)]
    public async Task Example_and_vote_counts_per_dataset(string slug, int examples, int checkedCount)
    {
        await using var db = await fixture.Harness.ContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == slug);
        Assert.Equal(examples, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id));
        Assert.Equal(checkedCount, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id && e.IsMturkChecked && e.IsClFlagged));
        Assert.Equal(checkedCount, await db.MturkVotes.CountAsync(v => db.Examples.Any(e => e.Id == v.ExampleId && e.DatasetId == dataset.Id)));
        Assert.Null(dataset.ImportProblem);
    }

    [Theory]
    [InlineData("mnist", 15)]
    [InlineData("cifar10", 54)]
    [InlineData("cifar100", 585)]
    [InlineData("caltech256", 458)]
    [InlineData("imagenet", 2_916)]
    [InlineData("quickdraw", 1_870)]
    [InlineData("20news", 82)]
    [InlineData("imdb", 725)]
    [InlineData("amazon", 732)]
    [InlineData("audioset", 275)]
    public async Task Validated_counts_are_the_papers(string slug, int validated)
    {
        await using var db = await fixture.Harness.ContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == slug);
        Assert.Equal(validated, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id && e.IsValidatedError));
        Assert.Equal(validated, dataset.Recomputed!.Validated);
        Assert.Equal(validated, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id && e.Consensus != null && e.Consensus != ConsensusCategory.NotAnError));
    }
}
