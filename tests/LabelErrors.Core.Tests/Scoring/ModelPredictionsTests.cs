using LabelErrors.Core.Formats;
using LabelErrors.Core.Scoring;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Scoring;

public sealed class ModelPredictionsTests
{
    private static MemoryStream NpyOf(long[] data, params long[] shape)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, data, shape);
        stream.Position = 0;
        return stream;
    }

    private static MemoryStream NpyOf(double[] data, params long[] shape)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, data, shape);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Reads_predicted_labels()
    {
        using var file = NpyOf([2, 0, 1], 3);
        Assert.Equal([2, 0, 1], ModelPredictions.ReadNpy(file, "model.npy", 3, 3));
    }

    [Fact]
    public void Pred_probs_become_their_argmax_with_the_first_maximum_on_ties()
    {
        using var file = NpyOf([0.1, 0.7, 0.2, 0.5, 0.5, 0.0], 2, 3);
        Assert.Equal([1, 0], ModelPredictions.ReadNpy(file, "pyx.npy", 2, 3));
    }

    [Fact]
    public void Wrong_length_says_both_counts()
    {
        using var file = NpyOf([1, 2], 2);
        var error = Assert.Throws<LabelErrorsInputException>(() => ModelPredictions.ReadNpy(file, "model.npy", 10_000, 10));
        Assert.Contains("2 rows", error.Message);
        Assert.Contains("10,000 examples", error.Message);
    }

    [Fact]
    public void A_label_outside_the_classes_names_its_row()
    {
        using var file = NpyOf([1, 12, 3], 3);
        var error = Assert.Throws<LabelErrorsInputException>(() => ModelPredictions.ReadNpy(file, "model.npy", 3, 10));
        Assert.Equal(1, error.Row);
        Assert.Contains("12", error.Reason);
        Assert.Contains("0…9", error.Reason);
    }

    [Fact]
    public void Pred_probs_with_the_wrong_class_count_are_refused()
    {
        using var file = NpyOf(new double[8], 2, 4);
        var error = Assert.Throws<LabelErrorsInputException>(() => ModelPredictions.ReadNpy(file, "pyx.npy", 2, 10));
        Assert.Contains("4 columns", error.Reason);
        Assert.Contains("10 classes", error.Reason);
    }
}
