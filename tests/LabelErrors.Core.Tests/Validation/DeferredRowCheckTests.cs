using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Tests.ConfidentLearning;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Validation;

/// <summary>Row checks run inside streaming find_label_issues' first pass refuse exactly what the separate validation pass refuses.</summary>
public sealed class DeferredRowCheckTests
{
    private const int N = 600, K = 4;

    private static (int[] Labels, double[] Probs) Inputs() => SyntheticData.Make(N, K, seed: 12);

    private static PredProbs ToPredProbs(double[] probs, FloatPrecision precision) => precision switch
    {
        FloatPrecision.Float16 => PredProbs.FromHalf(probs.Select(v => (Half)v).ToArray(), N, K),
        FloatPrecision.Float32 => PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), N, K),
        _ => PredProbs.FromDouble(probs, N, K),
    };

    /// <summary>The message of the separate pass (null when it accepts) and of the deferred check run by find_label_issues.</summary>
    private static (string? Separate, string? Deferred) Messages(int[] labels, PredProbs p)
    {
        var input = new LabelsInput("labels.npy", labels, 0);
        using var source = PredProbsSource.FromMemory(p);
        var streaming = new StreamingOptions { BlockRows = 37, MaxDegreeOfParallelism = 3 };
        string? separate = null, deferred = null;
        try
        {
            StreamingInputValidator.Validate(input, "p.npy", source, streaming: streaming);
        }
        catch (LabelErrorsInputException e)
        {
            separate = e.Message;
        }

        try
        {
            var (_, rowCheck) = StreamingInputValidator.ValidateDeferringRows(input, "p.npy", source, streaming: streaming);
            StreamingLabelIssues.Find(labels, source, streaming: streaming with { RowCheck = rowCheck });
        }
        catch (LabelErrorsInputException e)
        {
            deferred = e.Message;
        }

        return (separate, deferred);
    }

    [Theory]
    [InlineData(FloatPrecision.Float64)]
    [InlineData(FloatPrecision.Float32)]
    [InlineData(FloatPrecision.Float16)]
    public void The_first_bad_row_is_reported_with_the_same_message(FloatPrecision precision)
    {
        var (labels, probs) = Inputs();
        probs[500 * K + 1] += 0.2; // a later row that does not sum to 1
        probs[300 * K + 2] = double.NaN;
        var (separate, deferred) = Messages(labels, ToPredProbs(probs, precision));
        Assert.NotNull(separate);
        Assert.Contains("300", separate);
        Assert.Equal(separate, deferred);
    }

    [Theory]
    [InlineData(FloatPrecision.Float32)]
    [InlineData(FloatPrecision.Float16)]
    public void A_bad_row_is_reported_before_a_bad_label_as_the_separate_pass_does(FloatPrecision precision)
    {
        var (labels, probs) = Inputs();
        labels[3] = K + 5;
        probs[400 * K] = -0.5;
        var (separate, deferred) = Messages(labels, ToPredProbs(probs, precision));
        Assert.Contains("negative", separate);
        Assert.Equal(separate, deferred);

        var (_, clean) = Inputs();
        (separate, deferred) = Messages(labels, ToPredProbs(clean, precision));
        Assert.Contains($"label {K + 5} is out of range", separate);
        Assert.Equal(separate, deferred);
    }

    [Fact]
    public void Valid_inputs_pass_both_ways()
    {
        var (labels, probs) = Inputs();
        Assert.Equal((null, null), Messages(labels, ToPredProbs(probs, FloatPrecision.Float16)));
    }
}
