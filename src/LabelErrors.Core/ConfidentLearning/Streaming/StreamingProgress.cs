namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>Progress of a streaming computation: <paramref name="RowsDone"/> of <paramref name="RowsTotal"/> rows of pass <paramref name="Pass"/>.</summary>
/// <param name="Pass">1-based number of the pass.</param>
/// <param name="Passes">Number of passes planned.</param>
/// <param name="Stage">What the pass computes, e.g. "thresholds".</param>
public readonly record struct StreamingProgress(int Pass, int Passes, string Stage, long RowsDone, long RowsTotal);
