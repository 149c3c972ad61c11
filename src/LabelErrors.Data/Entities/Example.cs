namespace LabelErrors.Data.Entities;

/// <summary>One test example of a dataset, addressed by the study's integer index.</summary>
public sealed class Example
{
    public long Id { get; set; }
    public int DatasetId { get; set; }

    /// <summary>The study's index into the test set (the id in permalinks).</summary>
    public long StudyIndex { get; set; }

    /// <summary>Where the content comes from: a file path, a YouTube id, a file name in the bundled archive.</summary>
    public string? ExternalId { get; set; }

    public int GivenLabel { get; set; }

    /// <summary>The label confident learning guessed (the study's "CL guessed" label), for flagged examples.</summary>
    public int? GuessedLabel { get; set; }

    /// <summary>The cross-validated model's predicted label (argmax of pred_probs).</summary>
    public int? PredictedLabel { get; set; }

    /// <summary>Self-confidence (pred_probs at the given label) where pred_probs were released.</summary>
    public double? LabelQuality { get; set; }

    /// <summary>Selected by confident learning as a likely label error (the study's candidate set).</summary>
    public bool IsClFlagged { get; set; }

    /// <summary>Checked by Mechanical Turk workers (has a <see cref="MturkVotes"/> row).</summary>
    public bool IsMturkChecked { get; set; }

    /// <summary>Fewer than 3 workers chose the given label (AudioSet: its own multi-label rule).</summary>
    public bool IsValidatedError { get; set; }

    public ConsensusCategory? Consensus { get; set; }

    public MturkVotes? Votes { get; set; }
}
