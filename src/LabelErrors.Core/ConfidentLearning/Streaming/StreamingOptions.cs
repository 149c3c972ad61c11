namespace LabelErrors.Core.ConfidentLearning.Streaming;

/// <summary>How a streaming computation reads its input. None of these settings changes the result.</summary>
public sealed record StreamingOptions
{
    /// <summary>Bytes of pred_probs per block when <see cref="BlockRows"/> is not set.</summary>
    public const int DefaultBlockBytes = 4 << 20;

    /// <summary>Rows per block; by default as many as fit in <see cref="DefaultBlockBytes"/>.</summary>
    public int? BlockRows { get; init; }

    /// <summary>Blocks processed at once (each worker holds one block buffer and its own partial selections).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reports the rows done per pass; called from worker threads.</summary>
    public IProgress<StreamingProgress>? Progress { get; init; }

    /// <summary>
    /// Input checks of every row to run in the first pass instead of a pass of their own (see
    /// <see cref="Validation.StreamingInputValidator.ValidateDeferringRows"/>); honoured by
    /// <see cref="StreamingLabelIssues.Find"/>. It can only refuse the input, never change a result.
    /// </summary>
    public Validation.PredProbsRowCheck? RowCheck { get; init; }

    /// <summary>
    /// Keep a summary of every row in the first pass (<see cref="RowSummaries{T}"/>) so later steps need not read the
    /// rows again; false runs the path used above 65,536 classes (tests compare both).
    /// </summary>
    internal bool SummariseRows { get; init; } = true;

    internal int RowsPerBlock(PredProbsSource source)
    {
        int rows = BlockRows ?? Math.Max(1, DefaultBlockBytes / Math.Max(1, source.RowBytes));
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(BlockRows), "BlockRows must be at least 1.");
        return rows;
    }
}
