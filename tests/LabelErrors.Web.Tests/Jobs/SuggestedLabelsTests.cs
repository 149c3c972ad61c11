using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Web.Jobs;

namespace LabelErrors.Web.Tests.Jobs;

public sealed class SuggestedLabelsTests
{
    // Rows: a clear winner, a tie (the first column wins, as numpy.argmax), the last column, all equal.
    private static readonly float[] Values = [0.1f, 0.7f, 0.2f, 0.4f, 0.2f, 0.4f, 0.1f, 0.1f, 0.8f, 0.25f, 0.25f, 0.25f];

    [Fact]
    public void Argmax_takes_the_first_column_on_ties_in_every_precision_and_agrees_with_the_CLI()
    {
        int[] expected = [1, 0, 2, 0];
        Assert.Equal(expected, SuggestedLabels.ArgMax(PredProbs.FromSingle(Values, 4, 3)));
        Assert.Equal(expected, SuggestedLabels.ArgMax(PredProbs.FromDouble([.. Values.Select(v => (double)v)], 4, 3)));
        Assert.Equal(expected, SuggestedLabels.ArgMax(PredProbs.FromHalf([.. Values.Select(v => (Half)v)], 4, 3)));

        var cli = ProbabilityMatrix.FromSingles(Values, 4, 3);
        Assert.Equal(Enumerable.Range(0, 4).Select(row => PredictedLabels.ArgMax(cli, row)), SuggestedLabels.ArgMax(cli.ToPredProbs()));
    }
}
