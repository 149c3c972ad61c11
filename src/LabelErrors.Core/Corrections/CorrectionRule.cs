namespace LabelErrors.Core.Corrections;

/// <summary>Applies <see cref="CorrectionOptions"/> to a test set: the same inputs and options always give the same rows.</summary>
public static class CorrectionRule
{
    public static CorrectedLabelSet Apply(IEnumerable<CorrectionInput> examples, CorrectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options.Validate();
        var rows = examples
            .OrderBy(e => e.Index)
            .Select(e => new CorrectedRow(e.Index, e.GivenLabel, CorrectedLabelOf(e, options), e.Category, e.IsValidatedError))
            .ToArray();
        for (var i = 1; i < rows.Length; i++)
        {
            if (rows[i].Index == rows[i - 1].Index)
                throw new ArgumentException($"example index {rows[i].Index} appears twice", nameof(examples));
        }
        return new CorrectedLabelSet(options, rows);
    }

    /// <summary>The example's label in the corrected test set, or null when it is dropped.</summary>
    public static int? CorrectedLabelOf(CorrectionInput example, CorrectionOptions options)
    {
        // More votes for the guessed label than for the given one guards k ≤ 2, where both could reach k.
        if (example is { GuessedLabel: { } guessed, GuessedVotes: { } guessedVotes }
            && guessedVotes >= options.MinAgreement
            && guessedVotes > (example.GivenVotes ?? 0))
            return guessed;

        var handling = example.Category switch
        {
            StudyCategory.MultiLabel => options.MultiLabel,
            StudyCategory.Neither => options.Neither,
            StudyCategory.NonAgreement or StudyCategory.Correctable => options.NonAgreement,
            _ => UncorrectableHandling.Keep,
        };
        return handling == UncorrectableHandling.Keep ? example.GivenLabel : null;
    }
}
