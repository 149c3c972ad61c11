using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LabelErrors.Core.Reporting;

/// <summary>
/// Writes ranked issues as CSV (<c>index,given_label,suggested_label,label_quality</c>) or as a JSON array of
/// objects with the same keys. Labels are class names when names are given, otherwise integers.
/// Scores use the shortest round-trip form, culture-invariant, with a lowercase exponent.
/// </summary>
public static class IssueTableWriter
{
    public const string CsvHeader = "index,given_label,suggested_label,label_quality";

    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<IssueRow> rows, OutputFormat format, IReadOnlyList<string>? classNames)
    {
        if (format == OutputFormat.Json)
            await WriteJsonAsync(writer, rows, classNames);
        else
            await WriteCsvAsync(writer, rows, classNames);
    }

    private static async Task WriteCsvAsync(TextWriter writer, IReadOnlyList<IssueRow> rows, IReadOnlyList<string>? classNames)
    {
        // rows are formatted into one buffer and written in large chunks: a string and a write per row cost more
        // than the formatting itself (~120,000 rows for 1M examples)
        const int chunkChars = 1 << 16;
        var chunk = new StringBuilder(chunkChars + 1024);
        var scratch = new char[64];
        chunk.Append(CsvHeader).Append('\n');
        foreach (var row in rows)
        {
            AppendCsvRow(chunk, row, classNames, scratch);
            if (chunk.Length < chunkChars) continue;
            await writer.WriteAsync(chunk);
            chunk.Clear();
        }

        await writer.WriteAsync(chunk);
    }

    private static void AppendCsvRow(StringBuilder line, IssueRow row, IReadOnlyList<string>? classNames, char[] scratch)
    {
        line.Append(CultureInfo.InvariantCulture, $"{row.Index},");
        AppendCsvLabel(line, row.GivenLabel, classNames);
        line.Append(',');
        AppendCsvLabel(line, row.SuggestedLabel, classNames);
        line.Append(',');
        // shortest round-trip form with Python's lowercase exponent ("1e-05"), so outputs diff cleanly against cleanlab's
        if (!row.LabelQuality.TryFormat(scratch, out int written, "R", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("a double needs at most 32 characters"); // never: "R" is at most 24
        var score = scratch.AsSpan(0, written);
        score.Replace('E', 'e');
        line.Append(score).Append('\n');
    }

    private static void AppendCsvLabel(StringBuilder line, int label, IReadOnlyList<string>? classNames)
    {
        if (classNames is null)
            line.Append(CultureInfo.InvariantCulture, $"{label}");
        else
            line.Append(CsvText.Quote(classNames[label]));
    }

    private static async Task WriteJsonAsync(TextWriter writer, IReadOnlyList<IssueRow> rows, IReadOnlyList<string>? classNames)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteNumber("index", row.Index);
                WriteLabel(json, "given_label", row.GivenLabel, classNames);
                WriteLabel(json, "suggested_label", row.SuggestedLabel, classNames);
                json.WriteNumber("label_quality", row.LabelQuality);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static void WriteLabel(Utf8JsonWriter json, string name, int label, IReadOnlyList<string>? classNames)
    {
        if (classNames is null)
            json.WriteNumber(name, label);
        else
            json.WriteString(name, classNames[label]);
    }

}
