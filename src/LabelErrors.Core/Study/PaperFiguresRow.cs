namespace LabelErrors.Core.Study;

/// <summary>A row of the paper's Table 1, or the same figures recomputed from the released votes.</summary>
/// <param name="ClGuessed">Examples confident learning flagged as likely label errors.</param>
/// <param name="MturkChecked">Of those, how many Mechanical Turk workers checked.</param>
/// <param name="Validated">Checked examples the workers confirmed as label errors.</param>
/// <param name="Estimated">Where only part was checked: ClGuessed × Validated / MturkChecked (rounded down, as the paper).</param>
/// <param name="ErrorPercent">Validated (or Estimated) as a percentage of the test-set size.</param>
public sealed record PaperFiguresRow(long ClGuessed, long MturkChecked, long Validated, long? Estimated, decimal ErrorPercent);
