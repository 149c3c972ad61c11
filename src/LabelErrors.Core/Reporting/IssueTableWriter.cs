using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using LabelErrors.Core.Formats;

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
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(CsvHeader.Split(','));
        var score = new char[64];
        foreach (var row in rows)
        {
            csv.WriteField(row.Index);
            WriteCsvLabel(csv, row.GivenLabel, classNames);
            WriteCsvLabel(csv, row.SuggestedLabel, classNames);
            // shortest round-trip form with Python's lowercase exponent ("1e-05"), so outputs diff cleanly against cleanlab's
            if (!row.LabelQuality.TryFormat(score, out int written, "R", CultureInfo.InvariantCulture))
                throw new InvalidOperationException("a double needs at most 32 characters"); // never: "R" is at most 24
            score.AsSpan(0, written).Replace('E', 'e');
            csv.WriteField((ReadOnlySpan<char>)score.AsSpan(0, written));
            await csv.EndRecordAsync();
        }
    }

    private static void WriteCsvLabel(CsvWriter csv, int label, IReadOnlyList<string>? classNames)
    {
        if (classNames is null)
            csv.WriteField(label);
        else
            csv.WriteField(classNames[label]);
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
