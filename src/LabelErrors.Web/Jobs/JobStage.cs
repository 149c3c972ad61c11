namespace LabelErrors.Web.Jobs;

/// <summary>The stages of an analysis, in order, as shown on the job page.</summary>
public static class JobStage
{
    public const string Queued = "queued";
    public const string Validating = "validating";
    public const string ConfidentJoint = "confident joint";
    public const string Pruning = "pruning";
    public const string Ranking = "ranking";
    public const string Saving = "saving";
    public const string Done = "done";

    public static readonly string[] Running = [Validating, ConfidentJoint, Pruning, Ranking, Saving];
}
