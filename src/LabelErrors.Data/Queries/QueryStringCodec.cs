using System.Text;

namespace LabelErrors.Data.Queries;

/// <summary>Minimal application/x-www-form-urlencoded reading and writing, so the query object needs no web stack.</summary>
internal static class QueryStringCodec
{
    /// <summary>Decodes "?a=1&amp;b=x+y" into a dictionary; for a repeated key the first value wins.</summary>
    public static Dictionary<string, string> Decode(string? queryString)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(queryString))
            return result;
        var start = queryString.IndexOf('?') is var q and >= 0 ? q + 1 : 0;
        foreach (var part in queryString[start..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var key = Unescape(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : Unescape(part[(eq + 1)..]);
            result.TryAdd(key, value);
        }
        return result;
    }

    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            builder.Append(builder.Length == 0 ? '?' : '&');
            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Escape(value));
        }
        return builder.ToString();
    }

    // Commas stay readable in lists (consensus=correctable,neither); spaces become '+'.
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%2C", ",", StringComparison.Ordinal).Replace("%20", "+", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
