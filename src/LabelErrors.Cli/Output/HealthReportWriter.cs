using System.Globalization;
using System.Text;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Cli.Output;

/// <summary>
/// Writes cleanlab's health summary: the classes ordered by label quality (worst first) and the overall
/// label health score, as an aligned text table or as JSON.
/// </summary>
public static class HealthReportWriter
{
    private static readonly string[] Columns =
        ["class", "label_issues", "inverse_label_issues", "label_noise", "inverse_label_noise", "label_quality_score"];

    public static Task WriteAsync(TextWriter writer, HealthSummary summary, HealthFormat format, IReadOnlyList<string>? classNames) =>
        format == HealthFormat.Json ? WriteJsonAsync(writer, summary, classNames) : WriteTextAsync(writer, summary, classNames);

    private static async Task WriteTextAsync(TextWriter writer, HealthSummary summary, IReadOnlyList<string>? classNames)
    {
        var table = new List<string[]> { Columns };
        table.AddRange(summary.ClassesByLabelQuality.Select(c => new[]
        {
            ClassText(c.ClassIndex, classNames),
            Invariant(c.LabelIssues),
            Invariant(c.InverseLabelIssues),
            Number(c.LabelNoise),
            Number(c.InverseLabelNoise),
            Number(c.LabelQualityScore),
        }));
        var widths = Enumerable.Range(0, Columns.Length).Select(col => table.Max(row => row[col].Length)).ToArray();

        var text = new StringBuilder();
        foreach (var row in table)
        {
            // Class names left-aligned, numbers right-aligned.
            text.Append(row[0].PadRight(widths[0]));
            for (var col = 1; col < row.Length; col++)
                text.Append("  ").Append(row[col].PadLeft(widths[col]));
            text.Append('\n');
        }
        text.Append('\n').Append("overall_label_health_score: ").Append(Number(summary.OverallLabelHealthScore)).Append('\n');
        await writer.WriteAsync(text.ToString());
    }

    private static async Task WriteJsonAsync(TextWriter writer, HealthSummary summary, IReadOnlyList<string>? classNames)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("overall_label_health_score", summary.OverallLabelHealthScore);
            json.WriteStartArray("classes_by_label_quality");
            foreach (var c in summary.ClassesByLabelQuality)
            {
                json.WriteStartObject();
                json.WriteNumber("class", c.ClassIndex);
                if (classNames is not null)
                    json.WriteString("class_name", classNames[c.ClassIndex]);
                json.WriteNumber("label_issues", c.LabelIssues);
                json.WriteNumber("inverse_label_issues", c.InverseLabelIssues);
                json.WriteNumber("label_noise", c.LabelNoise);
                json.WriteNumber("inverse_label_noise", c.InverseLabelNoise);
                json.WriteNumber("label_quality_score", c.LabelQualityScore);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static string ClassText(int index, IReadOnlyList<string>? classNames) =>
        classNames is null ? Invariant(index) : classNames[index];

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
