using System.Runtime.InteropServices;
using LabelErrors.Core.Formats;

namespace LabelErrors.Benchmarks;

/// <summary>
/// Writes a seeded noisy pred_probs .npy (float16/32/64) plus its labels (.npy, int64) chunk by chunk, so matrices
/// far larger than memory (10,000,000 × 345 float16 = 6.9 GB) can be generated. Same model as
/// <see cref="SyntheticPredProbs"/> (skewed prior, ~10% flipped labels, mass on the true and a confusable class),
/// with a fast per-chunk generator: the file depends only on (N, K, dtype, seed), not on the thread count. Labels are
/// written chunk by chunk too, so memory stays a few chunks however large N is (50,426,266 × 345 for QuickDraw).
/// </summary>
internal static class LargePredProbsFile
{
    private const int ChunkRows = 16_384;

    public static void Write(string predProbsPath, string labelsPath, int n, int k, string dtype, ulong seed, TextWriter log)
    {
        int itemSize = dtype switch { "f2" => 2, "f4" => 4, "f8" => 8, _ => throw new ArgumentException($"dtype {dtype}: use f2, f4 or f8") };
        var cumulativePrior = SyntheticPredProbs.CumulativePrior(k, new SplitMix64(seed).NextDouble);
        int chunks = (n + ChunkRows - 1) / ChunkRows;
        int parallel = Math.Max(1, Environment.ProcessorCount);
        using var labelStream = new FileStream(labelsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Npy.WriteHeader(labelStream, "<i8", n);
        using (var stream = new FileStream(predProbsPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Npy.WriteHeader(stream, "<" + dtype, n, k);
            var buffers = new byte[parallel][];
            var labels = new long[parallel][];
            for (int batch = 0; batch < chunks; batch += parallel)
            {
                int inBatch = Math.Min(parallel, chunks - batch);
                Parallel.For(0, inBatch, t =>
                {
                    int chunk = batch + t;
                    int first = chunk * ChunkRows;
                    int rows = Math.Min(ChunkRows, n - first);
                    var bytes = buffers[t] ??= new byte[ChunkRows * k * itemSize];
                    Generate(chunk, rows, k, itemSize, seed, cumulativePrior, labels[t] ??= new long[ChunkRows], bytes);
                });
                for (int t = 0; t < inBatch; t++)
                {
                    int rows = Math.Min(ChunkRows, n - (batch + t) * ChunkRows);
                    stream.Write(buffers[t], 0, rows * k * itemSize);
                    labelStream.Write(MemoryMarshal.AsBytes(labels[t].AsSpan(0, rows)));
                }

                if ((batch / parallel) % 64 == 0) log.WriteLine($"  generated {(long)Math.Min(n, (batch + inBatch) * ChunkRows):N0} / {n:N0} rows");
            }
        }
    }

    private static void Generate(int chunk, int rows, int k, int itemSize, ulong seed, double[] cumulativePrior, long[] labels, byte[] bytes)
    {
        var random = new SplitMix64(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(chunk + 1)));
        var row = new float[k];
        for (int r = 0; r < rows; r++)
        {
            int b = Array.BinarySearch(cumulativePrior, random.NextDouble());
            int truth = Math.Min(k - 1, b < 0 ? ~b : b);
            int confusable = (truth + 1 + (int)(random.NextDouble() * 3)) % k;
            long label = truth;
            if (random.NextDouble() < 0.1) label = random.NextDouble() < 0.7 ? confusable : (int)(random.NextDouble() * k);
            labels[r] = label;
            float sum = 0;
            for (int c = 0; c < k; c++)
            {
                // exponential variates for the true and the confusable class, cheap uniform noise elsewhere
                float v = c == truth ? (float)(-Math.Log(1 - random.NextDouble()) * (2 + 20 * random.NextDouble()))
                    : c == confusable ? (float)(-Math.Log(1 - random.NextDouble()) * 2)
                    : (float)(random.NextDouble() * 0.2);
                row[c] = v;
                sum += v;
            }

            float floor = 0.001f / k;
            var target = bytes.AsSpan(r * k * itemSize, k * itemSize);
            switch (itemSize)
            {
                case 2:
                    {
                        var values = MemoryMarshal.Cast<byte, Half>(target);
                        for (int c = 0; c < k; c++) values[c] = (Half)(0.999f * row[c] / sum + floor);
                        break;
                    }

                case 4:
                    {
                        var values = MemoryMarshal.Cast<byte, float>(target);
                        for (int c = 0; c < k; c++) values[c] = 0.999f * row[c] / sum + floor;
                        break;
                    }

                default:
                    {
                        var values = MemoryMarshal.Cast<byte, double>(target);
                        for (int c = 0; c < k; c++) values[c] = 0.999 * row[c] / sum + floor;
                        break;
                    }
            }
        }
    }

    /// <summary>SplitMix64: a tiny, fast, seedable generator (System.Random is too slow for billions of values).</summary>
    private struct SplitMix64(ulong state)
    {
        private ulong _state = state;

        public double NextDouble()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
