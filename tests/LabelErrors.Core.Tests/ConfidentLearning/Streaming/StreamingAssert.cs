using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>Runs the streaming path with several block sizes and thread counts and compares it with the in-memory path.</summary>
internal static class StreamingAssert
{
    /// <summary>Default blocks on one thread; tiny blocks (classes split across many blocks) on several threads; without row summaries.</summary>
    public static IEnumerable<StreamingOptions> Settings(int n) =>
    [
        new StreamingOptions { MaxDegreeOfParallelism = 1 },
        new StreamingOptions { BlockRows = 7, MaxDegreeOfParallelism = 3 },
        new StreamingOptions { BlockRows = Math.Max(1, n / 5 + 3), MaxDegreeOfParallelism = 4 },
        // the path for more than 65,536 classes (no row summaries: every step reads the rows)
        new StreamingOptions { BlockRows = 11, MaxDegreeOfParallelism = 2, SummariseRows = false },
    ];

    public static StreamingLabelIssuesResult SameAsInMemory(int[] labels, PredProbs p, FindLabelIssuesOptions options, StreamingOptions streaming)
    {
        var expected = LabelIssues.Find(labels, p, options);
        using var source = PredProbsSource.FromMemory(p);
        var actual = StreamingLabelIssues.Find(labels, source, options, streaming);
        SameIssues(labels, p, options, expected, actual, $"block {streaming.BlockRows}, {streaming.MaxDegreeOfParallelism} threads");
        return actual;
    }

    public static void SameIssues(int[] labels, PredProbs p, FindLabelIssuesOptions options, LabelIssuesResult expected, StreamingLabelIssuesResult actual, string setting)
    {
        Assert.True(expected.Mask.SequenceEqual(actual.ToMask()), $"masks differ ({setting})");
        if (options.ReturnIndicesRankedBy is { } rankBy)
        {
            Assert.Equal(expected.RankedIndices!, actual.RankedIndices!);
            var scores = LabelQuality.Scores(labels, p, (ScoreMethod)rankBy);
            foreach (var issue in actual.Issues) Assert.Equal(scores[issue.Index], issue.Score);
        }
        else
        {
            Assert.Null(actual.RankedIndices);
            var flagged = Enumerable.Range(0, expected.Mask.Length).Where(i => expected.Mask[i]).ToArray();
            Assert.Equal(flagged, actual.Issues.Select(issue => issue.Index).ToArray());
        }

        foreach (var issue in actual.Issues) Assert.Equal(ArgMax(p, issue.Index), issue.PredictedLabel);
    }

    /// <summary>numpy argmax of one row (first maximum), computed independently of the code under test.</summary>
    public static int ArgMax(PredProbs p, int row)
    {
        int best = 0;
        for (int c = 1; c < p.K; c++)
        {
            if (p[row, c] > p[row, best]) best = c;
        }

        return best;
    }
}
