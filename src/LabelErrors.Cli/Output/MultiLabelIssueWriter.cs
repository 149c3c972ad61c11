using System.Globalization;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Output;

/// <summary>
/// The multi-label find-issues table: <c>index,given_labels,predicted_labels,label_quality</c>; label lists are class
/// ids joined by ';' (empty when none), predicted labels are the classes with pred_probs above 0.5.
/// </summary>
public static class MultiLabelIssueWriter
{
    public const string Header = "index,given_labels,predicted_labels,label_quality";

    public static async Task WriteAsync(TextWriter writer, MultiLabels labels, PredProbs predProbs, IReadOnlyList<int> indices, double[] scores, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            await WriteJsonAsync(writer, labels, predProbs, indices, scores);
            return;
        }

        // CsvHelper fed from reused buffers: no strings, LINQ or virtual element reads per row
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(Header.Split(','));
        var row = new double[predProbs.K];
        var text = new char[64];
        var list = new System.Text.StringBuilder();
        foreach (int i in indices)
        {
            csv.WriteField(i);
            csv.WriteField(Join(labels[i], list));
            predProbs.CopyRow(i, row);
            list.Clear();
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] > 0.5) (list.Length == 0 ? list : list.Append(';')).Append(c);
            }

            csv.WriteField(list.ToString());
            if (!scores[i].TryFormat(text, out int written, "R", CultureInfo.InvariantCulture))
                throw new InvalidOperationException("a double needs at most 24 characters");
            csv.WriteField((ReadOnlySpan<char>)text.AsSpan(0, written));
            await csv.EndRecordAsync();
        }
    }

    private static string Join(ReadOnlySpan<int> ids, System.Text.StringBuilder list)
    {
        list.Clear();
        foreach (int id in ids) (list.Length == 0 ? list : list.Append(';')).Append(id);
        return list.ToString();
    }

    /// <summary>Classes whose predicted probability is above 0.5.</summary>
    public static IEnumerable<int> Predicted(PredProbs predProbs, int row) =>
        Enumerable.Range(0, predProbs.K).Where(c => predProbs[row, c] > 0.5);

    private static async Task WriteJsonAsync(TextWriter writer, MultiLabels labels, PredProbs predProbs, IReadOnlyList<int> indices, double[] scores)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (int i in indices)
            {
                json.WriteStartObject();
                json.WriteNumber("index", i);
                json.WriteStartArray("given_labels");
                foreach (int c in labels[i]) json.WriteNumberValue(c);
                json.WriteEndArray();
                json.WriteStartArray("predicted_labels");
                foreach (int c in Predicted(predProbs, i)) json.WriteNumberValue(c);
                json.WriteEndArray();
                json.WriteNumber("label_quality", scores[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        await writer.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }
}
