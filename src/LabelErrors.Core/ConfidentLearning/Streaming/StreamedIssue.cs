namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// One flagged example of a streaming computation: its index, the model's predicted label (numpy argmax of its row)
/// and its label quality score (the requested ranking score in the element precision, widened; NaN when none was requested).
/// </summary>
public readonly record struct StreamedIssue(int Index, int PredictedLabel, double Score);
