namespace LabelErrors.Data.Entities;

/// <summary>A visitor's report that the study's correction of an example is wrong, with a short note.</summary>
public sealed class CorrectionReport
{
    /// <summary>
    /// The example's dataset: part of the key so that the row lives with its example when the tables are distributed
    /// by dataset (Citus, docs/scale-out.md) and every join to examples stays on one node.
    /// </summary>
    public int DatasetId { get; set; }

    public long Id { get; set; }
    public long ExampleId { get; set; }
    public required string BrowserId { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
