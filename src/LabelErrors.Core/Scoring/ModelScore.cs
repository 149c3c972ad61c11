namespace LabelErrors.Core.Scoring;

/// <summary>
/// A model's accuracy on a test set's original labels and on its corrected labels. Accuracies are fractions
/// (0…1); null when their subset is empty.
/// </summary>
public sealed record ModelScore
{
    /// <summary>Examples scored on the original labels (the whole test set).</summary>
    public int Examples { get; init; }
    public int CorrectOnOriginal { get; init; }
    public double? AccuracyOriginal => Ratio(CorrectOnOriginal, Examples);

    /// <summary>Examples left in the corrected test set.</summary>
    public int KeptExamples { get; init; }
    public int CorrectOnCorrected { get; init; }
    public double? AccuracyCorrected => Ratio(CorrectOnCorrected, KeptExamples);

    /// <summary>The study's validated label errors.</summary>
    public int ValidatedErrors { get; init; }
    public int ValidatedCorrectOnOriginal { get; init; }
    public double? ValidatedAccuracyOriginal => Ratio(ValidatedCorrectOnOriginal, ValidatedErrors);

    public int ValidatedKept { get; init; }
    public int ValidatedCorrectOnCorrected { get; init; }
    public double? ValidatedAccuracyCorrected => Ratio(ValidatedCorrectOnCorrected, ValidatedKept);

    /// <summary>Examples whose label the correction changed.</summary>
    public int ChangedExamples { get; init; }

    /// <summary>Of <see cref="ChangedExamples"/>: the model predicted the given (original) label.</summary>
    public int AgreeWithGiven { get; init; }

    /// <summary>Of <see cref="ChangedExamples"/>: the model predicted the corrected label.</summary>
    public int AgreeWithCorrected { get; init; }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
