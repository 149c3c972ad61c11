namespace LabelErrors.Data.Entities;

/// <summary>
/// One annotator of a multi-annotator upload with cleanlab's <c>annotator_stats</c> row: the annotator leaderboard.
/// </summary>
public sealed class UploadAnnotator
{
    public int DatasetId { get; set; }

    /// <summary>The annotator's column (0-based) in the uploaded CSV.</summary>
    public int Annotator { get; set; }

    /// <summary>The annotator's id, as in the CSV header.</summary>
    public required string Name { get; set; }

    /// <summary>cleanlab's annotator_quality; null where cleanlab gives NaN (the annotator shares no example with another).</summary>
    public double? AnnotatorQuality { get; set; }

    /// <summary>Fraction of the annotator's labels equal to the consensus label.</summary>
    public double AgreementWithConsensus { get; set; }

    /// <summary>The class the annotator gets wrong most often.</summary>
    public int WorstClass { get; set; }

    public int NumExamplesLabeled { get; set; }

    /// <summary>0-based position in cleanlab's annotator_stats (lowest quality first).</summary>
    public int Position { get; set; }
}
