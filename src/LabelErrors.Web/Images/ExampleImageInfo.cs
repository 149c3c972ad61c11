namespace LabelErrors.Web.Images;

/// <summary>What the image endpoint needs to know about one example row (null fields when the row is absent).</summary>
public sealed record ExampleImageInfo(long StudyIndex, int? GivenLabel, int? GuessedLabel, string? Consensus, string? SourceUrl);
