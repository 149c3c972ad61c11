using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class PredictedLabelsTests
{
    // Rows: a clear winner, a tie (the first column wins, as numpy.argmax), the last column, all equal.
    private static readonly float[] Values = [0.1f, 0.7f, 0.2f, 0.4f, 0.2f, 0.4f, 0.1f, 0.1f, 0.8f, 0.25f, 0.25f, 0.25f];
    private static readonly int[] Expected = [1, 0, 2, 0];

    public static TheoryData<string> Precisions => ["f2", "f4", "f8"];

    private static PredProbs Make(string precision) => precision switch
    {
        "f2" => PredProbs.FromHalf([.. Values.Select(v => (Half)v)], 4, 3),
        "f4" => PredProbs.FromSingle(Values, 4, 3),
        _ => PredProbs.FromDouble([.. Values.Select(v => (double)v)], 4, 3),
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Argmax_takes_the_first_column_on_ties_in_every_precision(string precision)
    {
        var predProbs = Make(precision);

        Assert.Equal(Expected, PredictedLabels.ArgMax(predProbs));
        Assert.Equal(Expected, Enumerable.Range(0, 4).Select(row => PredictedLabels.ArgMax(predProbs, row)));
    }
}
