using System.Globalization;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Tests.Import;

/// <summary>
/// The importer stores Datalab's outlier score and flag for the study sets whose pred_probs are released and valid
/// (cifar10, mnist, 20news; IMDB's values above 1 are refused, as cleanlab refuses them), equal to cleanlab's.
/// </summary>
[Collection(FullImportCollection.Name)]
public sealed class ImportedOutlierTests(FullImportFixture fixture)
{
    [Fact]
    public async Task Cifar10_outlier_scores_and_flags_are_cleanlabs()
    {
        var reference = File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "reference", "outliers", "cifar10", "cleanlab-2.9.0", "outlier_issues.csv"))
            .Skip(1).Select(line => line.Split(','))
            .Select(f => (Index: long.Parse(f[0], CultureInfo.InvariantCulture), Score: double.Parse(f[1], CultureInfo.InvariantCulture), Flag: f[2] == "true"))
            .ToList();
        await using var db = await fixture.Harness.ContextAsync();
        var cifar10 = await db.Datasets.SingleAsync(d => d.Slug == "cifar10");
        var stored = await db.Examples.AsNoTracking().Where(e => e.DatasetId == cifar10.Id)
            .ToDictionaryAsync(e => e.StudyIndex, e => (e.OutlierScore, e.IsOutlier));

        Assert.Equal(reference.Count, stored.Count);
        foreach (var (index, score, flag) in reference)
        {
            var (storedScore, storedFlag) = stored[index];
            Assert.NotNull(storedScore);
            Assert.True(Math.Abs(score - storedScore!.Value) <= 1e-9, $"row {index}: cleanlab {score}, stored {storedScore}");
            Assert.Equal(flag, storedFlag);
        }
    }

    [Theory]
    [InlineData("mnist", 10_000)]
    [InlineData("20news", 7_532)]
    [InlineData("imdb", 0)]
    [InlineData("imagenet", 0)]
    public async Task Scores_exist_where_the_pred_probs_are_released_and_valid_and_no_study_example_is_an_outlier(string slug, int scored)
    {
        await using var db = await fixture.Harness.ContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == slug);
        Assert.Equal(scored, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id && e.OutlierScore != null));
        // cleanlab 2.9.0 on the same files: the cross-validated models are never unsure enough (score < 0.13 × median).
        Assert.Equal(0, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id && e.IsOutlier));
    }
}
