using System.Globalization;
using LabelErrors.Data.Json;
using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Browse;

/// <summary>Why confident learning flagged an example, in one plain sentence.</summary>
public static class FlagExplanation
{
    public static string For(BrowseDataset dataset, Example example, IReadOnlyList<TopPrediction> top)
    {
        var given = Quote(dataset.ClassName(example.GivenLabel));
        if (dataset.Modality == Modality.Audio)
        {
            return example.IsClFlagged
                ? "Confident learning flagged this clip because the model's out-of-sample predictions disagreed with its given labels (multi-label, as in the study); workers were then asked which labels apply."
                : "Confident learning did not flag this clip.";
        }
        if (!example.IsClFlagged)
            return $"Confident learning did not flag this example: the model's out-of-sample prediction agreed well enough with its label {given}.";

        var guessed = Quote(dataset.ClassName(example.GuessedLabel ?? example.PredictedLabel));
        var givenProbability = example.LabelQuality;
        var guessedProbability = top.FirstOrDefault(p => p.Label == example.GuessedLabel)?.Probability;
        if (givenProbability is { } pg && guessedProbability is { } pq)
        {
            var margin = example.NormalizedMargin is { } m ? $" (normalized margin {F(m)})" : "";
            return $"Flagged by confident learning: the cross-validated model gave {guessed} a probability of {F(pq)}, confident enough for that class, "
                + $"but its given label {given} only {F(pg)}{margin}, so the example counts as labelled {given} but likely {guessed}.";
        }
        return $"Flagged by confident learning in the study, which guessed {guessed} instead of the given {given}; the study released no predicted probabilities "
            + "for this dataset, so the margin behind the decision cannot be shown.";
    }

    private static string Quote(string name) => $"“{name}”";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
