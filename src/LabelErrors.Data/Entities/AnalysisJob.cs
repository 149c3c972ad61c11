namespace LabelErrors.Data.Entities;

/// <summary>A confident-learning run on an uploaded dataset; the queue lives in this table so jobs survive restarts.</summary>
public sealed class AnalysisJob
{
    public Guid Id { get; set; }
    public int? DatasetId { get; set; }
    public AnalysisJobState State { get; set; }
    public string Stage { get; set; } = "";
    public double Percent { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }

    /// <summary>The options of the run (filter_by, rank_by, …) as JSON.</summary>
    public string OptionsJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? WorkerId { get; set; }

    /// <summary>Who queued it (the client's address): caps the jobs one client may have waiting.</summary>
    public string? ClientKey { get; set; }
}
