namespace LabelErrors.Data.Entities;

public enum AnalysisJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}
