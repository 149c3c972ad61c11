namespace LabelErrors.Core.ConfidentLearning;

/// <summary>
/// Parallel loops of this namespace. Work is split into fixed blocks (rows or classes) whose results are written
/// to disjoint places or combined with order-independent reductions (min, max, and), so outputs never depend on
/// the number of threads. Bodies of the passes over all rows are marked AggressiveOptimization: a run calls them
/// a few dozen times at most, so under tiering they would spend that run in tier-0 and on-stack-replacement code.
/// </summary>
internal static class Parallelism
{
    /// <summary>Rows per block of row-parallel loops.</summary>
    public const int RowBlock = 16_384;

    /// <summary>Maximum degree of parallelism; tests lower it to check that results do not depend on it.</summary>
    public static int MaxDegree { get; set; } = Environment.ProcessorCount;

    public static void ForBlocks(int count, int blockSize, Action<int, int> body)
    {
        int blocks = (count + blockSize - 1) / blockSize;
        if (blocks <= 1 || MaxDegree <= 1)
        {
            for (int b = 0; b < blocks; b++) body(b * blockSize, Math.Min(count, (b + 1) * blockSize));
            return;
        }

        Run(() => Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = MaxDegree }, b =>
            body(b * blockSize, Math.Min(count, (b + 1) * blockSize))));
    }

    public static void For(int count, Action<int> body)
    {
        if (count <= 1 || MaxDegree <= 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }

        Run(() => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegree }, body));
    }

    /// <summary>A body's exception surfaces as itself, as in the sequential loop, not wrapped in an AggregateException.</summary>
    private static void Run(Action loop)
    {
        try
        {
            loop();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
