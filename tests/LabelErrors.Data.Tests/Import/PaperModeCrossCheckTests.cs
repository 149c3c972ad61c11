using LabelErrors.Core.Study;
using LabelErrors.Data.Import;

namespace LabelErrors.Data.Tests.Import;

/// <summary>The core's paper mode, run on the bundled labels and pred_probs, selects exactly the examples the study checked.</summary>
public sealed class PaperModeCrossCheckTests
{
    [Theory]
    [InlineData("mnist", 100)]
    [InlineData("cifar10", 275)]
    [InlineData("20news", 93)]
    [InlineData("imdb", 1_310)]
    public void Paper_mode_selects_exactly_the_mturk_checked_examples(string slug, int checkedCount)
    {
        var result = StudyCrossCheck.Check(ImportHarness.RepositoryAssets, StudyCatalogue.Get(slug));

        Assert.Null(result.Error);
        Assert.Equal(checkedCount, result.CheckedCount);
        Assert.Equal(checkedCount, result.SelectedCount);
        Assert.Equal(checkedCount, result.CommonCount);
        Assert.True(result.Agrees);
    }

    [Fact]
    public void Every_dataset_with_pred_probs_is_cross_checked()
    {
        var slugs = new StudyCrossCheck().Run(ImportHarness.RepositoryAssets, CancellationToken.None).Select(r => r.Slug);
        Assert.Equal(["mnist", "cifar10", "20news", "imdb"], slugs);
    }
}
