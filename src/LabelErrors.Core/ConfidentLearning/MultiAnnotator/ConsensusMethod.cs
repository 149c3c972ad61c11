namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>consensus_method</c>: how the annotators' labels become one consensus label per example.</summary>
public enum ConsensusMethod
{
    /// <summary><c>best_quality</c>: the class with the highest posterior (quality) given the majority-vote statistics.</summary>
    BestQuality,

    /// <summary><c>majority_vote</c>: the most frequent label, ties broken as <see cref="MajorityVote.Labels"/> describes.</summary>
    MajorityVote,
}
