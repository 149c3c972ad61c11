namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>One annotator's label of one example, with cleanlab's detailed label quality of that label.</summary>
public sealed record AnnotatorVote(int Annotator, string AnnotatorName, int Label, double? LabelQuality);
