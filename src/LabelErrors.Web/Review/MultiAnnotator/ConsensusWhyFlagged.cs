using System.Globalization;

namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>
/// Why a multi-annotator example is in the review queue, in the job's own rule (MultiAnnotatorAnalysis.RankIssues):
/// the annotators did not all choose the consensus, or the model prefers another class; the queue runs from the
/// lowest consensus quality (CROWDLAB) up.
/// </summary>
public static class ConsensusWhyFlagged
{
    public static string Describe(ReviewItem item, ReviewConsensusFacts? facts, Func<int?, string> className)
    {
        var reasons = new List<string>();
        if (facts is { Votes.Count: > 0 } f)
        {
            var agreeing = f.Agreeing(item.GivenLabel);
            if (agreeing < f.Votes.Count)
                reasons.Add($"{agreeing} of {f.Votes.Count} {(f.Votes.Count == 1 ? "annotator" : "annotators")} chose the consensus “{className(item.GivenLabel)}” (agreement {Figure(f.Agreement)})");
        }
        if (item.SuggestedLabel is { } suggested && suggested != item.GivenLabel)
            reasons.Add($"the model prefers “{className(suggested)}”");
        var why = reasons.Count == 0 ? "the annotators or the model disagree with the consensus" : string.Join("; ", reasons);
        return $"{Capitalised(why)}. Consensus quality (CROWDLAB) {Figure(item.LabelQuality)}: the queue starts at the lowest.";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "—";
}
