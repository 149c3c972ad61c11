using System.Text.Json;

namespace LabelErrors.Core.Corrections;

/// <summary>
/// One JSON object: the format name, dataset, options, counts and the kept examples in index order
/// (<c>labels</c>: index, original_label, corrected_label, category). No timestamps, fixed property order,
/// compact: the same set gives the same bytes.
/// </summary>
public static class CorrectedLabelsJson
{
    public const string FormatName = "labelerrors-corrected-labels/1";
    public const string MediaType = "application/json";

    public static void Write(Stream stream, CorrectedLabelSet set, string dataset)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteString("dataset", dataset);

        json.WriteStartObject("options");
        json.WriteNumber("min_agreement", set.Options.MinAgreement);
        json.WriteString("multi_label", UncorrectableHandlingNames.Format(set.Options.MultiLabel));
        json.WriteString("neither", UncorrectableHandlingNames.Format(set.Options.Neither));
        json.WriteString("non_agreement", UncorrectableHandlingNames.Format(set.Options.NonAgreement));
        json.WriteEndObject();

        json.WriteStartObject("counts");
        json.WriteNumber("examples", set.Rows.Count);
        json.WriteNumber("kept", set.KeptCount);
        json.WriteNumber("corrected", set.CorrectedCount);
        json.WriteNumber("unchanged", set.UnchangedCount);
        json.WriteNumber("dropped", set.DroppedCount);
        json.WriteEndObject();

        json.WriteStartArray("labels");
        foreach (var row in set.Rows)
        {
            if (row.CorrectedLabel is not { } corrected)
                continue;
            json.WriteStartObject();
            json.WriteNumber("index", row.Index);
            json.WriteNumber("original_label", row.OriginalLabel);
            json.WriteNumber("corrected_label", corrected);
            json.WriteString("category", StudyCategoryNames.Format(row.Category));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
