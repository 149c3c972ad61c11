using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Output;

/// <summary>cleanlab's predicted label: argmax of a pred_probs row, the first column on ties (as numpy.argmax).</summary>
public static class PredictedLabels
{
    public static int ArgMax(ProbabilityMatrix predProbs, int row)
    {
        var best = 0;
        var bestValue = predProbs[row, 0];
        for (var c = 1; c < predProbs.Columns; c++)
        {
            var value = predProbs[row, c];
            if (value > bestValue)
            {
                best = c;
                bestValue = value;
            }
        }
        return best;
    }
}
