using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>
/// The one option of a multi-annotator upload: cleanlab's <c>consensus_method</c> (<c>best_quality</c>, the default, or
/// <c>majority_vote</c>), with the CLI's names. The quality method is CROWDLAB, cleanlab's default.
/// </summary>
public static class AnnotatorUploadOptions
{
    public const string ConsensusMethodField = "consensus_method";
    public const string BestQuality = "best_quality";
    public const string MajorityVote = "majority_vote";

    /// <summary>What the upload page says about the annotations file.</summary>
    public const string AnnotationsHint = "CSV: a header of annotator ids, one row per example, an empty cell where that annotator gave no label";

    public static IReadOnlyList<string> ConsensusMethods { get; } = [BestQuality, MajorityVote];

    /// <summary>The field's value, checked; blank means <c>best_quality</c>.</summary>
    public static string ParseConsensusMethod(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
            return BestQuality;
        if (!ConsensusMethods.Contains(trimmed))
            throw new UploadRejectedException(ConsensusMethodField, $"consensus_method '{value}' is not one of {string.Join(", ", ConsensusMethods)}");
        return trimmed;
    }

    public static ConsensusMethod ToCore(string? name) => name == MajorityVote ? ConsensusMethod.MajorityVote : ConsensusMethod.BestQuality;
}
