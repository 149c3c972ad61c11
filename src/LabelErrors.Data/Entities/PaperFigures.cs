namespace LabelErrors.Data.Entities;

/// <summary>
/// The paper's Table 1 row, stored exactly as published so the site can show it next to our own recomputation.
/// </summary>
public sealed class PaperFigures
{
    public long ClGuessed { get; set; }
    public long MturkChecked { get; set; }
    public long Validated { get; set; }

    /// <summary>Estimated errors in the whole test set, only where part of the CL-guessed examples was checked.</summary>
    public long? Estimated { get; set; }

    public decimal ErrorPercent { get; set; }
}
