namespace LabelErrors.Core.Study;

/// <summary>
/// Table 1 of the paper from counts: where only part of the CL-guessed examples was checked, the estimate scales the
/// validated share to all guessed ones (rounded down, as the paper's 754, 5,105,386 and 390,338 are); % error is the
/// validated (or estimated) count over the test-set size, to two decimals.
/// </summary>
public static class Table1
{
    public static PaperFiguresRow Compute(long clGuessed, long mturkChecked, long validated, long testSetSize)
    {
        long? estimated = mturkChecked < clGuessed && mturkChecked > 0
            ? (long)(new System.Numerics.BigInteger(clGuessed) * validated / mturkChecked)
            : null;
        var errors = estimated ?? validated;
        var percent = Math.Round(errors * 100m / testSetSize, 2, MidpointRounding.AwayFromZero);
        return new PaperFiguresRow(clGuessed, mturkChecked, validated, estimated, percent);
    }

    /// <summary>
    /// Our row from the released votes: checked and validated come from the file; CL guessed is the number of checked
    /// rows where the paper checked all of them, and the paper's figure where it checked a sample (the released data
    /// does not hold the full candidate list for those sets).
    /// </summary>
    public static PaperFiguresRow Recompute(StudyDataset dataset, long mturkChecked, long validated)
    {
        var checkedAll = dataset.Paper.MturkChecked == dataset.Paper.ClGuessed;
        var clGuessed = checkedAll ? mturkChecked : dataset.Paper.ClGuessed;
        return Compute(clGuessed, mturkChecked, validated, dataset.TestSetSize);
    }
}
