using LabelErrors.Web.Uploads.Annotators;

namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>
/// What a reviewer of a multi-annotator example needs beside the consensus: every annotator's vote, the annotator
/// agreement (the share of annotators who chose the consensus) and how many annotated it.
/// </summary>
public sealed record ReviewConsensusFacts(IReadOnlyList<AnnotatorVote> Votes, double? Agreement, int NumAnnotations)
{
    public int Agreeing(int consensus) => Votes.Count(v => v.Label == consensus);
}
