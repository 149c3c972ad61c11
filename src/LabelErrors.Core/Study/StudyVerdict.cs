namespace LabelErrors.Core.Study;

/// <summary>What the votes say about one example: whether its label is a validated error, and the consensus.</summary>
public readonly record struct StudyVerdict(bool IsValidatedError, ConsensusKind Consensus);
