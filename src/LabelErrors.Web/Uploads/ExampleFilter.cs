namespace LabelErrors.Web.Uploads;

/// <summary>The results view's filters: flagged issues or all examples, given and suggested class, label quality at most.</summary>
public sealed record ExampleFilter(bool FlaggedOnly = true, int? GivenClass = null, int? SuggestedClass = null, double? MaxLabelQuality = null);
