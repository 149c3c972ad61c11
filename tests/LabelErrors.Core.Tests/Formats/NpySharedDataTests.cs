using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

/// <summary>Reads the published files of the label-errors study.</summary>
public class NpySharedDataTests
{
    [SharedDataFact]
    public void Mnist_test_labels_are_uint16_and_start_with_7()
    {
        var path = SharedData.LabelErrors("original_test_labels/mnist_test_set_original_labels.npy");

        var array = Npy.Load(path);
        var labels = Npy.ReadLabels(path);

        Assert.Equal(NpyDataType.UInt16, array.DataType);
        Assert.Equal(10000, labels.Length);
        Assert.Equal(7, labels[0]);
        Assert.Equal(Enumerable.Range(0, 10), labels.Distinct().Order());
    }

    [SharedDataFact]
    public void Mnist_pred_probs_are_10000_by_10_rows_summing_to_one()
    {
        var path = SharedData.LabelErrors("cross_validated_predicted_probabilities/mnist_test_set_pyx.npy");

        var probs = Npy.ReadPredProbs(path);

        Assert.Equal((10000, 10, FloatPrecision.Float64), (probs.N, probs.K, probs.Precision));
        var row = new double[10];
        for (var r = 0; r < probs.N; r++)
        {
            probs.CopyRow(r, row);
            Assert.InRange(row.Sum(), 1 - 1e-4, 1 + 1e-4);
        }
    }

    [SharedDataFact]
    public void Streaming_reader_returns_the_same_values_as_loading()
    {
        var path = SharedData.LabelErrors("cross_validated_predicted_probabilities/cifar10_test_set_pyx.npy");
        var loaded = Npy.ReadPredProbs(path).ToDoubleArray();

        using var reader = NpyMatrixReader.Open(path);
        var streamed = reader.EnumerateBlocks(rowsPerBlock: 999).SelectMany(b => b.Values.ToArray()).ToArray();

        Assert.Equal(loaded, streamed);
    }

    [SharedDataFact]
    public void Audioset_object_array_is_refused_without_unpickling()
    {
        var path = SharedData.LabelErrors("original_test_labels/audioset_eval_set_original_labels.npy");

        var error = Assert.Throws<LabelErrorsInputException>(() => Npy.Load(path));

        Assert.Contains("object arrays (dtype '|O') are not supported", error.Message);
    }
}
