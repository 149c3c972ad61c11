using LabelErrors.Data.Failures;

namespace LabelErrors.Web;

/// <summary>
/// The pages' test for "the database is unavailable" (worth a friendly notice and a later retry): a transient failure
/// in <see cref="DatabaseFailures"/>' sense. A SQL error or a constraint violation is a bug and is not caught by it:
/// it reaches the error page and the log instead of being shown as an outage.
/// </summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception ex) => DatabaseFailures.IsTransient(ex);
}
