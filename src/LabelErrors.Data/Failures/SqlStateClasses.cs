namespace LabelErrors.Data.Failures;

/// <summary>
/// The names of PostgreSQL's SQL state classes (the first two characters; Appendix A of the PostgreSQL manual), so a
/// job's error says "integrity constraint violation" and not only "23514".
/// </summary>
public static class SqlStateClasses
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["08"] = "connection exception",
        ["0A"] = "feature not supported",
        ["21"] = "cardinality violation",
        ["22"] = "data exception",
        ["23"] = "integrity constraint violation",
        ["25"] = "invalid transaction state",
        ["28"] = "invalid authorization",
        ["3D"] = "invalid catalog name",
        ["3F"] = "invalid schema name",
        ["40"] = "transaction rollback",
        ["42"] = "syntax error or access rule violation",
        ["53"] = "insufficient resources",
        ["54"] = "program limit exceeded",
        ["55"] = "object not in prerequisite state",
        ["57"] = "operator intervention",
        ["58"] = "system error",
        ["P0"] = "PL/pgSQL error",
        ["XX"] = "internal error",
    };

    /// <summary>The class name of <paramref name="sqlState"/>, or null for a class not listed.</summary>
    public static string? Describe(string sqlState) =>
        sqlState.Length >= 2 && Names.TryGetValue(sqlState[..2], out var name) ? name : null;
}
