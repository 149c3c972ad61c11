using System.Text;
using System.Text.Json;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Reads the JSON form of multi-label labels (an array with one array of class ids per example) token by token over
/// the file's UTF-8 bytes: no document tree and no UTF-16 copy of the text (1,000,000 × ~19 ids: a third of the CPU of
/// <see cref="JsonDocument"/>). Messages are those the document reader gave, and a file that is not valid JSON is
/// refused as such even when an earlier row is also wrong (the document reader parsed everything first).
/// </summary>
internal static class MultiLabelsJson
{
    public static MultiLabelsInput Parse(ReadOnlySpan<byte> utf8, string fileName)
    {
        LabelErrorsInputException? problem;
        int[][] rows;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            problem = ReadRows(ref reader, fileName, out rows);
            if (problem is not null) SkipToEnd(ref reader);
        }
        catch (JsonException e)
        {
            throw new LabelErrorsInputException(fileName, $"not valid JSON ({e.Message})", inner: e);
        }

        if (problem is not null) throw problem;
        return new MultiLabelsInput(fileName, rows, FirstRowNumber: 0);
    }

    /// <summary>The rows, or the first problem (the reader is then left where it was found).</summary>
    private static LabelErrorsInputException? ReadRows(ref Utf8JsonReader reader, string fileName, out int[][] rows)
    {
        rows = [];
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
            return new LabelErrorsInputException(fileName, "expected a JSON array with one array of class ids per example");
        var list = new List<int[]>();
        var ids = new List<int>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            int row = list.Count;
            if (reader.TokenType != JsonTokenType.StartArray)
                return new LabelErrorsInputException(fileName, $"expected an array of class ids, found {Describe(ref reader)}", row);
            ids.Clear();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int value) || value < 0)
                    return new LabelErrorsInputException(fileName, $"{Describe(ref reader)} is not a class id (a non-negative integer)", row);
                ids.Add(value);
            }

            list.Add([.. ids]);
        }

        rows = [.. list];
        return null;
    }

    private static void SkipToEnd(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return "a JSON array";
            case JsonTokenType.StartObject:
                return "a JSON object";
            default:
                string raw = Encoding.UTF8.GetString(reader.ValueSpan); // one span in: never a value sequence
                if (reader.TokenType == JsonTokenType.String) raw = "\"" + raw + "\"";
                return raw.Length <= 40 ? raw : raw[..40] + "…";
        }
    }
}
