using System.Numerics;

namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>
/// One pass over a <see cref="PredProbsSource{T}"/> in fixed row blocks, processed in parallel. Each worker owns a
/// block buffer and a state; states are returned in no particular order, so callers merge them with
/// order-independent operations (integer sums, exact bounded selections) and the result never depends on the thread count.
/// Every second pass that reads anything runs from the last block to the first: a file larger than the page cache
/// then starts each pass with the part the previous pass read last, which is still cached, instead of the part
/// evicted longest ago (a forward-only scan of such a file finds nothing in the cache, every pass reading it all from
/// disk). A pass that reads no block does not count, or the pass after it would start where nothing is cached.
/// </summary>
internal sealed class RowBlocks<T>(PredProbsSource<T> source, StreamingOptions options, int passes)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _blockRows = options.RowsPerBlock(source);
    private int _pass;

    // the direction of the last pass that read a block: a pass that read none (e.g. no row left undecided by the
    // summaries) leaves the cache as it was, so the next pass takes the other direction from the one before it
    private bool _lastBackwards = true;

    public int BlockRows => _blockRows;

    public int BlockCount => (source.N + _blockRows - 1) / _blockRows;

    /// <summary>
    /// Calls <paramref name="body"/>(state, first row, row count, rows) for every block whose index
    /// <paramref name="include"/> accepts (all when null); returns the states of the workers.
    /// </summary>
    public TState[] Run<TState>(
        string stage,
        Func<TState> createState,
        BlockBody<TState> body,
        CancellationToken cancellationToken,
        Func<int, bool>? include = null)
    {
        int pass = ++_pass;
        bool backwards = !_lastBackwards;
        bool readAny = false;
        int n = source.N, k = source.K, blockCount = BlockCount;
        int workers = Math.Clamp(options.MaxDegreeOfParallelism, 1, Math.Max(1, blockCount));
        long done = 0;
        int nextBlock = -1;
        options.Progress?.Report(new StreamingProgress(pass, passes, stage, 0, n));

        // exactly one state per worker (Parallel.For may re-create thread-local states), so memory stays bounded
        var states = new TState[workers];
        void Work(int worker)
        {
            var buffer = new T[checked(_blockRows * k)];
            var state = createState();
            states[worker] = state;
            int b;
            while ((b = Interlocked.Increment(ref nextBlock)) < blockCount)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // the block this worker will likely claim next (the others take the ones between) starts loading now
                int ahead = b + workers;
                if (ahead < blockCount && (include is null || include(backwards ? blockCount - 1 - ahead : ahead)))
                {
                    int aheadFirst = (backwards ? blockCount - 1 - ahead : ahead) * _blockRows;
                    source.WillRead(aheadFirst, Math.Min(_blockRows, n - aheadFirst));
                }

                if (backwards) b = blockCount - 1 - b;
                int first = b * _blockRows;
                int count = Math.Min(_blockRows, n - first);
                if (include is null || include(b))
                {
                    readAny = true;
                    body(state, first, count, source.ReadRows(first, count, buffer));
                }
                long total = Interlocked.Add(ref done, count);
                options.Progress?.Report(new StreamingProgress(pass, passes, stage, total, n));
            }
        }

        if (workers == 1)
        {
            Work(0);
        }
        else
        {
            var tasks = new Task[workers];
            for (int w = 0; w < workers; w++)
            {
                int worker = w;
                tasks[w] = Task.Factory.StartNew(() => Work(worker), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                Task.WaitAll(tasks, cancellationToken);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
            {
                // rethrow the first failure itself (e.g. an input error), not the wrapper
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }

        if (readAny) _lastBackwards = backwards;
        return states;
    }

    public delegate void BlockBody<in TState>(TState state, int firstRow, int rowCount, ReadOnlySpan<T> rows);
}
