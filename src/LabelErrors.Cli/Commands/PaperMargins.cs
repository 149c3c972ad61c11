using System.Numerics;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Commands;

/// <summary>
/// cleanlab's normalized margin <c>(p[given] − max over other classes + 1) / 2</c>, in the matrix's own precision,
/// for the paper command. Computed here rather than with LabelQuality.Scores because the study's pred_probs may
/// hold values slightly above 1 (IMDB), which cleanlab's scoring functions refuse.
/// </summary>
internal static class PaperMargins
{
    public static double[] Compute(ProbabilityMatrix matrix, int[] labels) => matrix.Precision switch
    {
        ProbabilityPrecision.Double => Compute(matrix.Doubles!, matrix.Columns, labels),
        ProbabilityPrecision.Single => Compute(matrix.Singles!, matrix.Columns, labels),
        _ => Compute(matrix.Halves!, matrix.Columns, labels),
    };

    private static double[] Compute<T>(T[] data, int columns, int[] labels) where T : IFloatingPointIeee754<T>
    {
        var two = T.One + T.One;
        var margins = new double[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = data.AsSpan(i * columns, columns);
            var given = labels[i];
            var maxOther = T.NegativeInfinity;
            for (var c = 0; c < columns; c++)
                if (c != given && row[c] > maxOther)
                    maxOther = row[c];
            margins[i] = double.CreateChecked((row[given] - maxOther + T.One) / two);
        }
        return margins;
    }
}
