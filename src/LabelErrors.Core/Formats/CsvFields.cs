using System.Text;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Splits one CSV line into fields: comma separated, fields optionally in double quotes with "" for a quote
/// (RFC 4180, without line breaks inside fields). Unquoted fields are trimmed.
/// </summary>
internal static class CsvFields
{
    /// <summary>Returns null and sets <paramref name="error"/> when quotes are unbalanced.</summary>
    public static List<string>? Split(string line, out string? error)
    {
        error = null;
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
                i++;
            if (i < line.Length && line[i] == '"')
            {
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        error = "unterminated quoted field";
                        return null;
                    }
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(line[i++]);
                }
                while (i < line.Length && line[i] is ' ' or '\t')
                    i++;
                if (i < line.Length && line[i] != ',')
                {
                    error = "unexpected text after a quoted field";
                    return null;
                }
                fields.Add(sb.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                var raw = end < 0 ? line[i..] : line[i..end];
                fields.Add(raw.Trim());
                i = end < 0 ? line.Length : end;
            }

            if (i >= line.Length)
                return fields;
            i++; // the comma
            if (i == line.Length)
            {
                fields.Add("");
                return fields;
            }
        }
    }
}
