using System.Text.Json;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Review.Visitors;

namespace LabelErrors.Web.Tests.Review;

public sealed class DisputeRuleTests
{
    private static readonly BrowseDataset Cifar = Dataset("cifar10", Modality.Image, "cat", "dog");
    private static readonly BrowseDataset Imdb = Dataset("imdb", Modality.Text, "Negative", "Positive");
    private static readonly BrowseDataset Amazon = Dataset("amazon", Modality.Text, "Negative", "Neutral", "Positive");
    private static readonly BrowseDataset AudioSet = Dataset("audioset", Modality.Audio, "Speech", "Cheering");

    private static BrowseDataset Dataset(string slug, Modality modality, params string[] classes) =>
        new(1, slug, slug, modality, 100, classes.Select((name, i) => (name, i)).ToDictionary(c => c.i, c => c.name));

    private static VisitorQuestion Question(BrowseDataset dataset, int given = 0, int guessed = 1) => VisitorQuestion.For(dataset, given, guessed, null, null);

    private static VisitorTally Tally(int given = 0, int guessed = 0, int both = 0, int neither = 0, int neutral = 0, int offTopic = 0, int positive = 0, int negative = 0) => new()
    {
        Given = given, Guessed = guessed, Both = both, Neither = neither, Neutral = neutral, OffTopic = offTopic, Positive = positive, Negative = negative,
        Total = given + guessed + both + neither + neutral + offTopic + positive + negative,
    };

    [Theory]
    [InlineData(ConsensusCategory.Correctable, 2, 1, 0, 0, true)]   // most chose the given label against "correctable"
    [InlineData(ConsensusCategory.Correctable, 1, 2, 0, 0, false)]  // most agree
    [InlineData(ConsensusCategory.NotAnError, 0, 2, 2, 0, true)]
    [InlineData(ConsensusCategory.NotAnError, 2, 2, 0, 0, false)]   // a tie is not "most disagree"
    [InlineData(ConsensusCategory.MultiLabel, 1, 1, 1, 0, true)]
    [InlineData(ConsensusCategory.Neither, 0, 1, 0, 2, false)]
    [InlineData(ConsensusCategory.Neither, 0, 0, 2, 1, true)]       // "both" is not "neither"
    [InlineData(ConsensusCategory.Correctable, 2, 0, 0, 0, false)]  // too few visitors
    [InlineData(ConsensusCategory.NonAgreement, 3, 0, 0, 0, false)] // no consensus to dispute
    public void Disputed_when_enough_visitors_answered_and_most_disagree(ConsensusCategory consensus, int given, int guessed, int both, int neither, bool disputed) =>
        Assert.Equal(disputed, DisputeRule.IsDisputed(consensus, Tally(given, guessed, both, neither), Question(Cifar)));

    [Fact]
    public void Neutral_and_off_topic_count_as_neither_on_IMDB()
    {
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Neither, Tally(given: 1, neutral: 1, offTopic: 1), Question(Imdb)));
        Assert.True(DisputeRule.IsDisputed(ConsensusCategory.Neither, Tally(given: 2, neutral: 1), Question(Imdb)));
        Assert.False(DisputeRule.IsDisputed(null, Tally(given: 5), Question(Imdb)));
    }

    [Fact]
    public void Amazon_answers_are_the_sentiments_and_the_labels_name_which_one_agrees()
    {
        // Given "Positive" (2), guessed "Neutral" (1): the workers' question had positive, negative, neutral and off-topic.
        var question = Question(Amazon, given: 2, guessed: 1);
        Assert.Equal([VisitorAnswer.Positive, VisitorAnswer.Negative, VisitorAnswer.Neutral, VisitorAnswer.OffTopic], question.Answers);
        Assert.Equal("positive (given)", VisitorAnswers.Text(VisitorAnswer.Positive, question));
        Assert.Equal("neutral (guessed)", VisitorAnswers.Text(VisitorAnswer.Neutral, question));
        Assert.Equal("negative", VisitorAnswers.Text(VisitorAnswer.Negative, question));

        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Correctable, Tally(neutral: 2, positive: 1), question));
        Assert.True(DisputeRule.IsDisputed(ConsensusCategory.Correctable, Tally(neutral: 1, positive: 2), question));
        // "Neither" on Amazon: negative and off-topic are the options that are neither label.
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Neither, Tally(negative: 1, offTopic: 1, neutral: 1), question));
        Assert.True(DisputeRule.IsDisputed(ConsensusCategory.Neither, Tally(negative: 1, neutral: 1, positive: 1), question));
        Assert.True(DisputeRule.IsDisputed(ConsensusCategory.NotAnError, Tally(negative: 3), question));
    }

    [Fact]
    public void MNIST_has_no_both_and_IMDB_keeps_given_and_guessed()
    {
        Assert.Equal([VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Neither], Question(Dataset("mnist", Modality.Image, "4", "6")).Answers);
        Assert.Equal([VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Neutral, VisitorAnswer.OffTopic], Question(Imdb).Answers);
        Assert.Equal([VisitorAnswer.Given, VisitorAnswer.Guessed, VisitorAnswer.Both, VisitorAnswer.Neither], Question(Cifar).Answers);
    }

    private static readonly VisitorQuestion Clip = VisitorQuestion.For(AudioSet, 1, 0, ["Cheering", "Crowd"], ["Speech", "Applause"]);

    private static Dictionary<string, int> Heard(int cheering, int crowd, int speech, int applause = 0) =>
        new() { ["Cheering"] = cheering, ["Crowd"] = crowd, ["Speech"] = speech, ["Applause"] = applause };

    [Theory]
    [InlineData(3, 3, 0, ConsensusCategory.NotAnError)]   // every given label heard, no guessed one
    [InlineData(3, 3, 2, ConsensusCategory.MultiLabel)]   // a guessed label is heard too (2 of 3 is most)
    [InlineData(1, 3, 2, ConsensusCategory.Correctable)]  // a given label is not heard, a guessed one is
    [InlineData(1, 1, 1, ConsensusCategory.Neither)]      // no listed label is heard by most
    [InlineData(3, 1, 0, ConsensusCategory.NonAgreement)] // some given labels hold, others not, no guessed one
    public void AudioSet_visitors_verdict_reads_their_majority_per_label_with_the_study_rule(int cheering, int crowd, int speech, ConsensusCategory verdict) =>
        Assert.Equal(verdict, DisputeRule.VisitorsVerdict(Clip, 3, Heard(cheering, crowd, speech)));

    [Fact]
    public void AudioSet_is_disputed_when_the_visitors_verdict_differs_from_the_workers()
    {
        VisitorTally Tally(Dictionary<string, int> heard, int voters) => new() { Total = voters, LabelVotesJson = JsonSerializer.Serialize(heard) };
        Assert.True(Clip.IsPerLabel);
        Assert.Equal(["Cheering", "Crowd", "Speech", "Applause"], Clip.Labels);
        Assert.True(DisputeRule.IsDisputed(ConsensusCategory.Correctable, Tally(Heard(3, 3, 0), 3), Clip));
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Correctable, Tally(Heard(3, 1, 3), 3), Clip));
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.Correctable, Tally(Heard(2, 2, 0), 2), Clip)); // too few visitors
        Assert.False(DisputeRule.IsDisputed(ConsensusCategory.NonAgreement, Tally(Heard(3, 3, 0), 3), Clip));
        // A clip the workers did not check has no named labels: nothing to ask.
        Assert.Empty(VisitorQuestion.For(AudioSet, 1, 0, null, null).Answers);
    }
}
