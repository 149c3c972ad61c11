using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

public sealed class MturkFileParserTests
{
    [Theory]
    [InlineData("mnist", 100, 15)]
    [InlineData("cifar10", 275, 54)]
    [InlineData("cifar100", 2_235, 585)]
    [InlineData("caltech256", 2_360, 458)]
    [InlineData("imagenet", 5_440, 2_916)]
    [InlineData("quickdraw", 2_500, 1_870)]
    [InlineData("20news", 93, 82)]
    [InlineData("imdb", 1_310, 725)]
    [InlineData("amazon", 1_000, 732)]
    [InlineData("audioset", 307, 275)]
    public void The_votes_give_the_papers_validated_counts(string slug, int rows, int validated)
    {
        var dataset = StudyCatalogue.Get(slug);
        var records = StudyFiles.Votes(slug);

        Assert.Equal(rows, records.Count);
        Assert.Equal(validated, records.Count(r => ConsensusRule.Judge(r, dataset.VoteForm).IsValidatedError));
    }

    [Fact]
    public void Mnist_has_no_both_option_and_some_rows_have_nine_or_ten_votes()
    {
        var records = StudyFiles.Votes("mnist");
        Assert.All(records, r => Assert.Null(r.Votes.Both));
        Assert.Equal(10, records.Count(r => r.Votes.Total == 10));
        Assert.Equal(3, records.Count(r => r.Votes.Total == 9));
        var row720 = records.Single(r => r.StudyIndex == 720);
        Assert.Equal((5, 5, 0), (row720.Votes.Given, row720.Votes.Guessed, row720.Votes.Neither));
    }

    [Fact]
    public void Imdb_rows_keep_their_review_id_and_labels_by_name()
    {
        var row = StudyFiles.Votes("imdb").Single(r => r.RawId == "test/neg/1003_4");
        Assert.Null(row.StudyIndex); // resolved through the index file by the importer
        Assert.Equal((0, "Negative", 1, "Positive"), (row.GivenLabel, row.GivenLabelName, row.GuessedLabel, row.GuessedLabelName));
        Assert.Equal((0, 3, 2, 0, 5), (row.Votes.Given, row.Votes.Guessed, row.Votes.Neutral, row.Votes.OffTopic, row.Votes.Total));
    }

    [Fact]
    public void Amazon_votes_map_given_and_guessed_to_the_options_they_name()
    {
        var row = StudyFiles.Votes("amazon").Single(r => r.RawId == "38306");
        Assert.Equal(("Positive", 2, "Neutral", 1), (row.GivenLabelName, row.GivenLabel, row.GuessedLabelName, row.GuessedLabel));
        Assert.Equal((1, 1, 3, 0), (row.Votes.Positive, row.Votes.Negative, row.Votes.Neutral, row.Votes.OffTopic));
        Assert.Equal((1, 3), (row.Votes.Given, row.Votes.Guessed));
    }

    [Fact]
    public void AudioSet_names_are_those_of_classes_json_and_votes_summarise_the_label_lists()
    {
        var records = StudyFiles.Votes("audioset");
        var boat = records.Single(r => r.StudyIndex == 55);
        Assert.Equal(["Boat, Water vehicle", "Rowboat, canoe, kayak"], boat.GivenLabelNames);
        var clip2 = records.Single(r => r.StudyIndex == 2);
        Assert.Equal(["Speech", "Applause"], clip2.GuessedLabelNames);
        Assert.Equal(4, clip2.Votes.LabelVotes!["Cheering"]);
        Assert.Equal(0, clip2.Votes.Given);   // Children shouting
        Assert.Equal(3, clip2.Votes.Guessed); // Applause
        var names = StudyFiles.ClassNames(StudyCatalogue.Get("audioset")).ToHashSet();
        Assert.All(records.SelectMany(r => r.GivenLabelNames.Concat(r.GuessedLabelNames)), name => Assert.Contains(name, names));
    }

    [Fact]
    public void A_row_without_its_votes_is_reported_with_its_position()
    {
        var dataset = StudyCatalogue.Get("cifar10");
        var json = """[{"id": 1, "url": "u", "given_original_label": 0, "given_original_label_name": "airplane", "our_guessed_label": 1, "our_guessed_label_name": "automobile"}]"""u8.ToArray();

        var error = Assert.Throws<InvalidDataException>(() => MturkFileParser.Parse(json, dataset, ["airplane", "automobile"]));
        Assert.Contains("cifar10_mturk.json: row 0", error.Message);
    }
}
