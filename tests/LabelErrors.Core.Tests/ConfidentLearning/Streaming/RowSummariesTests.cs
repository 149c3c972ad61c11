using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

/// <summary>The row summaries of pass 1 (top three of a row, guesses decided from them or by reading the row again).</summary>
public sealed class RowSummariesTests
{
    [Fact]
    public void Top_three_equals_a_sort_with_first_positions_on_rows_full_of_ties()
    {
        var random = new Random(17);
        for (int trial = 0; trial < 3000; trial++)
        {
            int k = 1 + random.Next(40);
            // few distinct values, so maxima are often held by several columns
            var row = Enumerable.Range(0, k).Select(_ => (float)random.Next(4) / 4).ToArray();
            var top = TopThree.Of<float>(row);
            var sorted = row.OrderDescending().ToArray();
            Assert.Equal(sorted[0], top.First);
            Assert.Equal(k > 1 ? sorted[1] : float.NegativeInfinity, top.Second);
            Assert.Equal(k > 2 ? sorted[2] : float.NegativeInfinity, top.Third);
            Assert.Equal(Array.IndexOf(row, sorted[0]), top.FirstClass);
            if (k > 1)
            {
                int second = Enumerable.Range(0, k).First(c => c != top.FirstClass && row[c] == sorted[1]);
                Assert.Equal(second, top.SecondClass);
            }

            var doubles = Array.ConvertAll(row, v => (double)v);
            var topDouble = TopThree.Of<double>(doubles);
            Assert.Equal((top.FirstClass, top.SecondClass), (topDouble.FirstClass, topDouble.SecondClass));
            Assert.Equal((double)top.Third, topDouble.Third);
        }
    }

    [Fact]
    public void Float16_differences_are_the_float_differences_of_the_widened_values_rounded()
    {
        // the selection computes p[c] − p[j] of float16 rows from their float copies (NoiseRateSelection.OfferWidened)
        var random = new Random(23);
        for (int trial = 0; trial < 1_000_000; trial++)
        {
            // any bit pattern from 0 to 1 (subnormals included)
            var a = BitConverter.UInt16BitsToHalf((ushort)random.Next(0x3c01));
            var b = BitConverter.UInt16BitsToHalf((ushort)random.Next(0x3c01));
            var widened = new float[2];
            HalfWidening.ToSingle([a, b], widened);
            Assert.Equal(BitConverter.HalfToUInt16Bits(a - b), BitConverter.HalfToUInt16Bits((Half)(widened[0] - widened[1])));
        }
    }

    [Theory]
    [InlineData(FloatPrecision.Float16)]
    [InlineData(FloatPrecision.Float32)]
    public void Seeded_selection_bounds_select_the_same_examples(FloatPrecision precision)
    {
        const int n = 3000, k = 6;
        var (labels, p) = TiedData.Make(n, k, seed: 61 + (int)precision, precision);
        if (precision == FloatPrecision.Float16) SameSelectionSeeded((PredProbs<Half>)p, labels);
        else SameSelectionSeeded((PredProbs<float>)p, labels);
    }

    private static void SameSelectionSeeded<T>(PredProbs<T> p, int[] labels)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        int n = p.N, k = p.K;
        var classCounts = new int[k];
        foreach (int label in labels) classCounts[label]++;
        var random = new Random(5);
        var pruneCounts = new long[k, k];
        for (int j = 0; j < k; j++)
        {
            for (int c = 0; c < k; c++) pruneCounts[j, c] = j == c ? 0 : random.Next(60);
        }

        using var source = (PredProbsSource<T>)PredProbsSource.FromMemory(p);
        var blocks = new RowBlocks<T>(source, new StreamingOptions { BlockRows = 97, MaxDegreeOfParallelism = 1 }, passes: 1);
        var summaries = RowSummaries<T>.Read(blocks, source, labels, CancellationToken.None, rowCheck: null);
        var plain = new NoiseRateSelection<T>(pruneCounts, classCounts, minExamplesPerClass: 1);
        var seeded = new NoiseRateSelection<T>(pruneCounts, classCounts, minExamplesPerClass: 1);
        seeded.SeedBounds(labels, summaries.SelfConfidence, summaries.First, summaries.FirstClass, summaries.Second, summaries.SecondClass);
        Assert.True(seeded.SeededCells > 5, $"only {seeded.SeededCells} cells seeded");
        int skipped = 0;
        Assert.Equal(Select(plain), Select(seeded));
        Assert.InRange(skipped, n / 10, n - 20); // rows are skipped from their summary, and some are not

        int[] Select(NoiseRateSelection<T> plan)
        {
            // two workers taking blocks of 50 rows in turn, rows widened as the pass does for float16; after seeding,
            // as the pass: the summary's two columns are not offered again and rows whose own − third value exceeds
            // every bound of their class are skipped
            bool isSeeded = plan == seeded;
            var workers = new[] { plan.CreateWorker(), plan.CreateWorker() };
            var widened = new float[k];
            for (int i = 0; i < n; i++)
            {
                var worker = workers[i / 50 % 2];
                if (i % 50 == 0) worker.RefreshClassBounds();
                int seeded1 = -1, seeded2 = -1;
                if (isSeeded)
                {
                    if (worker.CanSkipRow(labels[i], double.CreateChecked(summaries.SelfConfidence[i] - summaries.Third![i])))
                    {
                        skipped++;
                        continue;
                    }

                    (seeded1, seeded2) = (summaries.FirstClass[i], summaries.SecondClass[i]);
                }

                var row = p.Array.AsSpan(i * k, k);
                if (typeof(T) == typeof(Half))
                {
                    HalfWidening.ToSingle(System.Runtime.InteropServices.MemoryMarshal.Cast<T, Half>(row), widened);
                    worker.OfferWidened(widened, labels[i], i, seeded1, seeded2);
                }
                else
                {
                    worker.Offer(row, labels[i], i, seeded1, seeded2);
                }
            }

            return plan.Merge(workers);
        }
    }

    public static TheoryData<FloatPrecision, bool> Precisions() => new()
    {
        { FloatPrecision.Float64, false },
        { FloatPrecision.Float16, false },
        { FloatPrecision.Float32, true },
        { FloatPrecision.Float16, true },
    };

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Rows_the_summaries_cannot_decide_are_read_again_with_the_same_guesses(FloatPrecision precision, bool missingClass)
    {
        const int n = 1500, k = 5;
        var (labels, p) = SpreadRows(n, k, seed: 90 + (int)precision, precision, missingClass);
        foreach (var block in new[] { 1, 13, n })
        {
            int undecided = precision switch
            {
                FloatPrecision.Float64 => Guesses((PredProbs<double>)p, labels, block),
                FloatPrecision.Float32 => Guesses((PredProbs<float>)p, labels, block),
                _ => Guesses((PredProbs<Half>)p, labels, block),
            };
            Assert.InRange(undecided, 50, n - 50); // both kinds of row occur
        }
    }

    [Theory]
    [MemberData(nameof(Precisions))]
    public void Every_filter_equals_the_in_memory_path_when_many_rows_are_undecided(FloatPrecision precision, bool missingClass)
    {
        const int n = 1500, k = 5;
        var (labels, p) = SpreadRows(n, k, seed: 120 + (int)precision, precision, missingClass);
        foreach (var filter in Enum.GetValues<FilterBy>())
        {
            foreach (var rank in new RankBy?[] { null, RankBy.SelfConfidence, RankBy.NormalizedMargin, RankBy.ConfidenceWeightedEntropy })
            {
                var options = new FindLabelIssuesOptions { FilterBy = filter, ReturnIndicesRankedBy = rank };
                foreach (var streaming in StreamingAssert.Settings(n)) StreamingAssert.SameAsInMemory(labels, p, options, streaming);
            }
        }
    }

    /// <summary>Asserts the guesses and the joint equal the in-memory ones; returns how many rows were read again.</summary>
    private static int Guesses<T>(PredProbs<T> p, int[] labels, int blockRows)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        using var source = (PredProbsSource<T>)PredProbsSource.FromMemory(p);
        var blocks = new RowBlocks<T>(source, new StreamingOptions { BlockRows = blockRows, MaxDegreeOfParallelism = 2 }, passes: 2);
        var summaries = RowSummaries<T>.Read(blocks, source, labels, CancellationToken.None, rowCheck: null);
        var thresholds = ConfidentThresholds.FromSelfConfidence(labels, summaries.SelfConfidence, p.K, out bool allClassesPresent);
        var guesses = SummaryGuesses<T>.Resolve(blocks, p.K, summaries, thresholds, !allClassesPresent, CancellationToken.None);
        var expected = ConfidentGuesses.Compute(p, thresholds, compareInFloat64: !allClassesPresent);
        var all = guesses.All();
        Assert.Equal(expected, all);
        Assert.Equal(StreamingPasses.CountJoint(expected, labels, p.K), guesses.CountJoint(labels, p.K));
        return guesses.UndecidedCount;
    }

    /// <summary>
    /// Rows that spread their mass over three or more classes (so the third value reaches the lowest threshold), mixed
    /// with peaked rows, duplicated rows and ties; optionally a class that never occurs as a label.
    /// </summary>
    private static (int[] Labels, PredProbs PredProbs) SpreadRows(int n, int k, int seed, FloatPrecision precision, bool missingClass)
    {
        var (labels, p) = TiedData.Make(n, k, seed, FloatPrecision.Float64, missingClass);
        var probs = ((PredProbs<double>)p).Array.ToArray();
        var random = new Random(seed + 7);
        for (int i = 0; i < n; i++)
        {
            if (random.NextDouble() >= 0.4) continue;
            var row = probs.AsSpan(i * k, k);
            // three to k classes share the mass; often equally (ties between second and third)
            int spread = 3 + random.Next(k - 2);
            row.Clear();
            var columns = Enumerable.Range(0, k).OrderBy(_ => random.Next()).Take(spread).ToArray();
            bool equal = random.NextDouble() < 0.5;
            var weights = columns.Select(_ => equal ? 1.0 : 0.5 + random.NextDouble()).ToArray();
            double total = weights.Sum();
            for (int t = 0; t < spread; t++) row[columns[t]] = weights[t] / total;
        }

        PredProbs result = precision switch
        {
            FloatPrecision.Float64 => PredProbs.FromDouble(probs, n, k),
            FloatPrecision.Float32 => PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), n, k),
            _ => PredProbs.FromHalf(probs.Select(v => (Half)v).ToArray(), n, k),
        };
        return (labels, result);
    }
}
