using LabelErrors.Data.Queries;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Components.Browse;

/// <summary>One answer option with its vote count, in the order the bar and the vote table show them.</summary>
public sealed record VoteSegment(string Key, string Label, int Count);

public static class VoteSegments
{
    /// <summary>The options the workers had for this dataset (the sentiment sets had neutral / off-topic, not both / neither).</summary>
    public static IReadOnlyList<VoteSegment> For(BrowseDataset dataset, VoteCounts votes, string givenName, string guessedName)
    {
        var segments = new List<VoteSegment>
        {
            new("given", $"given: {givenName}", votes.Given),
            new("guessed", $"guessed: {guessedName}", votes.Guessed),
        };
        if (dataset.HasSentimentVotes)
        {
            segments.Add(new("neutral", "neutral", votes.Neutral ?? 0));
            segments.Add(new("offtopic", "off-topic", votes.OffTopic ?? 0));
        }
        else
        {
            if (votes.Both is { } both) segments.Add(new("both", "both", both));
            if (votes.Neither is { } neither) segments.Add(new("neither", "neither", neither));
        }
        return segments;
    }
}
