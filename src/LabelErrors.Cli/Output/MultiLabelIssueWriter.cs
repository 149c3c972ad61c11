using System.Globalization;
using System.Text.Json;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiLabel;

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

        await writer.WriteAsync(Header + "\n");
        foreach (int i in indices)
        {
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture,
                $"{i},{string.Join(';', labels[i].ToArray())},{string.Join(';', Predicted(predProbs, i))},{scores[i].ToString("R", CultureInfo.InvariantCulture)}\n"));
        }
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
