using LabelErrors.Core.Corrections;

namespace LabelErrors.Core.Scoring;

/// <summary>Scores predicted labels (indexed by the study's index) against a corrected test set.</summary>
public static class ModelScoring
{
    public static ModelScore Score(ReadOnlySpan<int> predictions, CorrectedLabelSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        int correctOriginal = 0, kept = 0, correctCorrected = 0;
        int validated = 0, validatedOriginal = 0, validatedKept = 0, validatedCorrected = 0;
        int changed = 0, agreeGiven = 0, agreeCorrected = 0;

        foreach (var row in set.Rows)
        {
            if (row.Index < 0 || row.Index >= predictions.Length)
                throw new ArgumentException($"no prediction for example {row.Index} ({predictions.Length} predictions)", nameof(predictions));
            var predicted = predictions[(int)row.Index];
            var rightOnOriginal = predicted == row.OriginalLabel;
            if (rightOnOriginal) correctOriginal++;
            if (row.IsValidatedError)
            {
                validated++;
                if (rightOnOriginal) validatedOriginal++;
            }

            if (row.CorrectedLabel is not { } corrected)
                continue;
            kept++;
            var rightOnCorrected = predicted == corrected;
            if (rightOnCorrected) correctCorrected++;
            if (row.IsValidatedError)
            {
                validatedKept++;
                if (rightOnCorrected) validatedCorrected++;
            }
            if (corrected != row.OriginalLabel)
            {
                changed++;
                if (rightOnOriginal) agreeGiven++;
                if (rightOnCorrected) agreeCorrected++;
            }
        }

        return new ModelScore
        {
            Examples = set.Rows.Count,
            CorrectOnOriginal = correctOriginal,
            KeptExamples = kept,
            CorrectOnCorrected = correctCorrected,
            ValidatedErrors = validated,
            ValidatedCorrectOnOriginal = validatedOriginal,
            ValidatedKept = validatedKept,
            ValidatedCorrectOnCorrected = validatedCorrected,
            ChangedExamples = changed,
            AgreeWithGiven = agreeGiven,
            AgreeWithCorrected = agreeCorrected,
        };
    }
}
