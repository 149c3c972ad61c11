namespace LabelErrors.Web.Uploads;

/// <summary>The text fields of an upload, as sent (parsed and checked by <see cref="AnalysisOptions.Parse"/>).</summary>
public sealed record UploadRequest
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string? FilterBy { get; init; }
    public string? RankBy { get; init; }
    public string? FracNoise { get; init; }
    public string? MinExamplesPerClass { get; init; }
    public bool Listed { get; init; }

    /// <summary>multi-class (blank), multi-label or multi-annotator; parsed by <see cref="UploadTasks.Parse"/>.</summary>
    public string? Task { get; init; }

    /// <summary>Multi-annotator uploads: cleanlab's consensus_method (see Annotators.AnnotatorUploadOptions).</summary>
    public string? ConsensusMethod { get; init; }
}
