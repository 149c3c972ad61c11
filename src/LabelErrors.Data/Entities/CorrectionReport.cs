namespace LabelErrors.Data.Entities;

/// <summary>A visitor's report that the study's correction of an example is wrong, with a short note.</summary>
public sealed class CorrectionReport
{
    public long Id { get; set; }
    public long ExampleId { get; set; }
    public required string BrowserId { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
