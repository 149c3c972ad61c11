using LabelErrors.Core.Study;

namespace LabelErrors.Data.Import;

/// <summary>One example as the importer writes it (a row of examples, plus its votes and text when it has them).</summary>
internal sealed class ExampleRow
{
    public long StudyIndex { get; init; }
    public string? ExternalId { get; set; }
    public int GivenLabel { get; set; }
    public int? GuessedLabel { get; set; }
    public int? PredictedLabel { get; set; }
    public double? LabelQuality { get; set; }
    public double? NormalizedMargin { get; set; }
    public string? TopPredictionsJson { get; set; }
    public double? OutlierScore { get; set; }
    public bool IsOutlier { get; set; }
    public string[]? GivenLabelNames { get; set; }

    /// <summary>AudioSet: how many labels the released array gives the clip (checked against the vote file).</summary>
    public int GivenLabelCount { get; init; }
    public string[]? GuessedLabelNames { get; set; }
    public int? ClipStartSeconds { get; set; }
    public int? ClipEndSeconds { get; set; }
    public bool IsMturkChecked => Record is not null;
    public MturkRecord? Record { get; set; }
    public StudyVerdict? Verdict { get; set; }
    public string? Text { get; set; }
}
