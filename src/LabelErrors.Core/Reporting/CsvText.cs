namespace LabelErrors.Core.Reporting;

internal static class CsvText
{
    /// <summary>Quotes a field when it holds a comma, quote, line break or edge spaces (RFC 4180).</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim()
            ? "\"" + field.Replace("\"", "\"\"") + "\""
            : field;
}
