using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

public sealed class SmallPiecesTests
{
    [Fact]
    public void Prediction_summary_gives_self_confidence_margin_and_top_five_best_first()
    {
        double[] p = [0.05, 0.4, 0.1, 0.3, 0.02, 0.03, 0.1];
        var summary = PredictionSummary.Of(p, givenLabel: 3);

        Assert.Equal(0.3, summary.SelfConfidence);
        Assert.Equal(0.3 - 0.4, summary.NormalizedMargin, 12);
        Assert.Equal([(1, 0.4), (3, 0.3), (2, 0.1), (6, 0.1), (0, 0.05)], summary.Top); // ties: lower class first
    }

    [Fact]
    public void Prediction_summary_of_two_classes_and_values_above_one_as_released()
    {
        var summary = PredictionSummary.Of([1.00002, -0.00002], givenLabel: 0);
        Assert.Equal(1.00002, summary.SelfConfidence);
        Assert.Equal(1.00004, summary.NormalizedMargin, 12);
        Assert.Equal(2, summary.Top.Count);
    }

    [Fact]
    public void YouTube_clip_links_parse_and_bad_ones_are_refused()
    {
        Assert.Equal(new YouTubeClip("lL5jq1TDiXQ", 30, 40), YouTubeClip.Parse("http://youtu.be/lL5jq1TDiXQ?start=30&end=40"));
        Assert.Equal("http://youtu.be/a-b_c?start=0&end=10", YouTubeClip.Parse("http://youtu.be/a-b_c?start=0&end=10").Url);
        Assert.Throws<FormatException>(() => YouTubeClip.Parse("https://example.com/x"));
    }

    [Fact]
    public void Index_file_lookup_resolves_imdb_reviews_and_imagenet_urls_first_index_wins()
    {
        var lookup = new IndexFileLookup(["neg/1_2.txt", "val/n1/ILSVRC2012_val_00000293.JPEG", "neg/1_2.txt"]);
        var review = new MturkRecord { RawId = "test/neg/1_2", Url = "u", GivenLabel = 0, GivenLabelName = "Negative", GuessedLabel = 1, GuessedLabelName = "Positive", Votes = new StudyVotes { Given = 0, Guessed = 0, Total = 0 } };
        var image = review with { RawId = "293", Url = "https://labelerrors.com//static/imagenet/val/n1/ILSVRC2012_val_00000293.JPEG" };

        Assert.Equal(0, lookup.Resolve(review, MturkIdKind.ReviewFile));
        Assert.Equal(1, lookup.Resolve(image, MturkIdKind.ValidationImageNumber));
        Assert.Equal(2, lookup.DistinctFiles);
        Assert.Throws<KeyNotFoundException>(() => lookup.Resolve(review with { RawId = "test/pos/9_9" }, MturkIdKind.ReviewFile));
    }

    [Fact]
    public void Class_names_match_with_commas_dropped()
    {
        var index = new ClassNameIndex(["Music", "Boat, Water vehicle"]);
        Assert.Equal(1, index.Of("Boat Water vehicle"));
        Assert.Equal("Boat, Water vehicle", index.Canonical("Boat Water vehicle"));
        Assert.Throws<KeyNotFoundException>(() => index.Of("Boat"));
    }
}
