using System.ComponentModel.DataAnnotations;

namespace LabelErrors.Web.Options;

/// <summary>How the app reaches PostgreSQL. The connection string comes from <c>ConnectionStrings:LabelErrors</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(AllowEmptyStrings = false, ErrorMessage = "ConnectionStrings:LabelErrors is not set (environment variable ConnectionStrings__LabelErrors). ./run.sh sets it for the local cluster.")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply EF Core migrations at start (on in Development and in ./run.sh).</summary>
    public bool MigrateOnStart { get; set; }
}
