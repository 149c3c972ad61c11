using LabelErrors.Core.ConfidentLearning.MultiLabel;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiLabel;

public sealed class LaneSortedAverageTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(16)]
    public void The_pruned_network_sorts_every_zero_one_input(int k)
    {
        // the 0–1 principle: a comparator network that sorts every 0/1 sequence sorts every sequence
        var pairs = LaneSortedAverage.Network(k);
        var values = new int[k];
        for (int bits = 0; bits < 1 << k; bits++)
        {
            for (int i = 0; i < k; i++) values[i] = (bits >> i) & 1;
            for (int m = 0; m < pairs.Length; m += 2)
            {
                int a = pairs[m], b = pairs[m + 1];
                if (values[b] < values[a]) (values[a], values[b]) = (values[b], values[a]);
            }

            for (int i = 1; i < k; i++) Assert.True(values[i - 1] <= values[i], $"k={k}, input {bits}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(300)]
    public void Each_lane_averages_to_the_bits_of_the_scalar_row(int k)
    {
        if (!LaneSortedAverage.IsSupported) return; // the scalar row is all there is on this machine
        var random = new Random(k);
        const int lanes = LaneSortedAverage.Lanes;
        var network = LaneSortedAverage.For(k);
        var columns = new double[k * lanes];
        var rows = new double[lanes][];
        var result = new double[lanes];
        for (int round = 0; round < 200; round++)
        {
            for (int l = 0; l < lanes; l++)
            {
                rows[l] = new double[k];
                for (int c = 0; c < k; c++)
                {
                    // ties, both zeros and ones are common in self-confidence scores of float32 pred_probs
                    rows[l][c] = (round % 4) switch
                    {
                        0 => random.NextDouble(),
                        1 => random.Next(4) switch { 0 => 0.0, 1 => -0.0, 2 => 1.0, _ => 0.25 },
                        2 => (float)random.NextDouble(),
                        _ => random.Next(3) == 0 ? -0.0 : 0.0,
                    };
                    columns[(c * lanes) + l] = rows[l][c];
                }
            }

            network.Average(columns, 0.8, result);
            for (int l = 0; l < lanes; l++)
            {
                double expected = ExponentialMovingAverage.Row(rows[l], 0.8, new double[k]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(result[l]));
            }
        }
    }
}
