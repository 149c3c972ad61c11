using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

public sealed class Table1Tests
{
    [Fact]
    public void The_papers_counts_give_its_estimates_and_percentages_except_20news()
    {
        foreach (var dataset in StudyCatalogue.All)
        {
            var paper = dataset.Paper;
            var computed = Table1.Compute(paper.ClGuessed, paper.MturkChecked, paper.Validated, dataset.TestSetSize);
            Assert.Equal(paper.Estimated, computed.Estimated);
            if (dataset.Slug == "20news")
                Assert.Equal((1.11m, 1.09m), (paper.ErrorPercent, computed.ErrorPercent)); // 82 / 7,532
            else
                Assert.Equal(paper.ErrorPercent, computed.ErrorPercent);
        }
    }

    [Fact]
    public void Recomputing_caltech_from_the_released_file_keeps_the_papers_cl_guessed()
    {
        var row = Table1.Recompute(StudyCatalogue.Get("caltech256"), mturkChecked: 2_360, validated: 458);
        Assert.Equal(new PaperFiguresRow(4_643, 2_360, 458, 901, 2.94m), row);
    }

    [Fact]
    public void Recomputing_a_fully_checked_set_counts_the_checked_rows_as_guessed()
    {
        var row = Table1.Recompute(StudyCatalogue.Get("imagenet"), mturkChecked: 5_440, validated: 2_916);
        Assert.Equal(new PaperFiguresRow(5_440, 5_440, 2_916, null, 5.83m), row);
    }

    [Fact]
    public void The_catalogue_holds_the_ten_sets_in_table_order_with_their_published_sizes()
    {
        Assert.Equal(["mnist", "cifar10", "cifar100", "caltech256", "imagenet", "quickdraw", "20news", "imdb", "amazon", "audioset"], StudyCatalogue.All.Select(d => d.Slug));
        Assert.Equal([10_000L, 10_000, 10_000, 30_607, 50_000, 50_426_266, 7_532, 25_000, 10_000_000, 20_371], StudyCatalogue.All.Select(d => d.TestSetSize));
        Assert.All(StudyCatalogue.All, d => Assert.All(d.SourceFiles(), file => Assert.True(StudyFiles.Assets.Exists(file), $"{d.Slug}: {file} is not bundled")));
    }
}
