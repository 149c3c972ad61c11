using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Core.Formats;

/// <summary>Multi-annotator labels read from a file; <see cref="LineNumbers"/> holds each example's 1-based line, for messages.</summary>
public sealed record AnnotatorLabelsInput(string FileName, AnnotatorLabels Labels, int HeaderLineNumber, int[] LineNumbers)
{
    public long RowNumber(int exampleIndex) => LineNumbers[exampleIndex];
}
