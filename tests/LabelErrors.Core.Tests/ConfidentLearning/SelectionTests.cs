using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>The partial selections equal the prefix of a stable argsort, also with many ties.</summary>
public sealed class SelectionTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 17)]
    [InlineData(4, 500)]
    [InlineData(5, 999)]
    [InlineData(6, 1000)]
    public void Partial_selections_equal_the_stable_argsort_prefix(int seed, int count)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 1000).Select(_ => (double)random.Next(40)).ToArray(); // many ties
        var expected = StableOrder.Ascending<double>(keys).Take(count).Order().ToArray();

        var marked = new bool[keys.Length];
        StableSelection.MarkLowest<double>(keys, count, new double[keys.Length], marked);
        Assert.Equal(expected, Enumerable.Range(0, keys.Length).Where(i => marked[i]).ToArray());

        var inOrder = new LowestKeys<double>(Math.Min(count, keys.Length));
        for (int i = 0; i < keys.Length; i++) inOrder.Offer(keys[i], i);
        Assert.Equal(expected, inOrder.Positions.ToArray().Order().ToArray());

        var shuffled = Enumerable.Range(0, keys.Length).ToArray();
        random.Shuffle(shuffled);
        var anyOrder = new LowestKeys<double>(Math.Min(count, keys.Length));
        foreach (int i in shuffled) anyOrder.Offer(keys[i], i);
        Assert.Equal(expected, anyOrder.Positions.ToArray().Order().ToArray());
    }

    [Fact]
    public void Stable_order_keeps_index_order_for_ties_and_reverses_exactly()
    {
        double[] keys = [2, 1, 2, 1, 0];
        Assert.Equal([4, 1, 3, 0, 2], StableOrder.Ascending<double>(keys));
        Assert.Equal([2, 0, 3, 1, 4], StableOrder.ReversedAscending<double>(keys));
    }

    [Fact]
    public void Numpy_quicksort_sorts_ascending_and_pandas_descending()
    {
        // The exact tie order is checked against numpy/pandas output by the dataset.* reference tests.
        var random = new Random(7);
        var values = Enumerable.Range(0, 3000).Select(_ => (double)random.Next(50)).ToArray();
        var ascending = NumpyQuicksort.ArgSort(values);
        var descending = NumpyQuicksort.PandasDescending(values);
        Assert.Equal(Enumerable.Range(0, values.Length), ascending.Order());
        Assert.Equal(Enumerable.Range(0, values.Length), descending.Order());
        Assert.Equal(values.Order(), ascending.Select(i => values[i]));
        Assert.Equal(values.OrderDescending(), descending.Select(i => values[i]));
    }
}
