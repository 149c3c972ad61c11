namespace LabelErrors.Core.Corrections;

/// <summary>
/// A dataset's test labels after the correction rule, in the study's index order, dropped examples included (so
/// scoring can still see them); the writers leave dropped examples out, or mark them, as their format says.
/// </summary>
public sealed class CorrectedLabelSet
{
    internal CorrectedLabelSet(CorrectionOptions options, CorrectedRow[] rows)
    {
        Options = options;
        Rows = rows;
        foreach (var row in rows)
        {
            switch (row.Outcome)
            {
                case CorrectionOutcome.Corrected: CorrectedCount++; break;
                case CorrectionOutcome.Dropped: DroppedCount++; break;
                default: UnchangedCount++; break;
            }
        }
    }

    public CorrectionOptions Options { get; }
    public IReadOnlyList<CorrectedRow> Rows { get; }
    public int CorrectedCount { get; }
    public int UnchangedCount { get; }
    public int DroppedCount { get; }

    /// <summary>Examples left in the corrected test set.</summary>
    public int KeptCount => Rows.Count - DroppedCount;

    /// <summary>True when the rows are exactly indices 0…n−1, so an array indexed like the test set can hold them.</summary>
    public bool IsContiguous => Rows.Count == 0 || (Rows[0].Index == 0 && Rows[^1].Index == Rows.Count - 1);
}
