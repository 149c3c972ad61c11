using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LabelErrors.Cli.Output;

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
        await writer.WriteAsync(CsvHeader + "\n");
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear()
                .Append(row.Index.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvLabel(row.GivenLabel, classNames)).Append(',')
                .Append(CsvLabel(row.SuggestedLabel, classNames)).Append(',')
                .Append(Score(row.LabelQuality)).Append('\n');
            await writer.WriteAsync(line.ToString());
        }
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

    // Shortest round-trip form with Python's lowercase exponent ("1e-05"), so outputs diff cleanly against cleanlab's.
    private static string Score(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    private static string CsvLabel(int label, IReadOnlyList<string>? classNames) =>
        classNames is null ? label.ToString(CultureInfo.InvariantCulture) : CsvText.Quote(classNames[label]);
}
