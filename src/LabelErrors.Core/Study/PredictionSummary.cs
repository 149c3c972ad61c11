namespace LabelErrors.Core.Study;

/// <summary>
/// What the cross-validated model says about one example, from its pred_probs row: self-confidence (the probability
/// of the given label, the study's label quality), normalized margin (that minus the largest other probability) and the
/// five most probable classes. Values are taken as released (IMDB's may slightly exceed 1).
/// </summary>
public sealed record PredictionSummary(double SelfConfidence, double NormalizedMargin, IReadOnlyList<(int Label, double Probability)> Top)
{
    public const int TopCount = 5;

    public static PredictionSummary Of(ReadOnlySpan<double> probabilities, int givenLabel)
    {
        if ((uint)givenLabel >= (uint)probabilities.Length)
            throw new ArgumentOutOfRangeException(nameof(givenLabel), $"label {givenLabel} outside 0..{probabilities.Length - 1}");
        var self = probabilities[givenLabel];
        var bestOther = double.NegativeInfinity;
        for (var k = 0; k < probabilities.Length; k++)
            if (k != givenLabel && probabilities[k] > bestOther)
                bestOther = probabilities[k];
        if (probabilities.Length == 1)
            bestOther = 0;

        // Partial selection: K is at most 1,000 and we need 5; ties keep the lower class index first.
        var count = Math.Min(TopCount, probabilities.Length);
        var top = new (int Label, double Probability)[count];
        var filled = 0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            var p = probabilities[k];
            if (filled == count && p <= top[count - 1].Probability)
                continue;
            var at = filled < count ? filled++ : count - 1;
            while (at > 0 && top[at - 1].Probability < p)
            {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = (k, p);
        }
        return new PredictionSummary(self, self - bestOther, top);
    }
}
