using System.Globalization;
using LabelErrors.Core.Formats;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Text content as CSV <c>index,text</c> (read by <see cref="CsvInput"/>: quoted fields may hold commas, quotes and line
/// breaks; an optional header <c>index,text</c>). Indices must be example indices, each at most once; texts may not look like formulas.
/// </summary>
public static class TextContentCsv
{
    public static IEnumerable<(int Index, string Text)> Read(string path, string displayName, int exampleCount)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var seen = new HashSet<int>();
        var record = 0;
        foreach (var (line, fields) in CsvInput.ReadRecords(reader, (reason, line) => Reject(displayName, line, reason)))
        {
            record++;
            if (record == 1 && fields.Length == 2 && fields[0].Trim().Equals("index", StringComparison.OrdinalIgnoreCase))
                continue;
            if (fields.Length != 2)
                throw Reject(displayName, line, $"expected 2 fields (index,text), got {fields.Length}");
            if (!int.TryParse(fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw Reject(displayName, line, $"index '{fields[0]}' is not a whole number ≥ 0");
            if (index >= exampleCount)
                throw Reject(displayName, line, $"index {index} is out of range; the labels have {exampleCount} examples (0..{exampleCount - 1})");
            if (!seen.Add(index))
                throw Reject(displayName, line, $"a second text for example {index}");
            if (SpreadsheetFormulas.LooksLikeFormula(fields[1]))
                throw Reject(displayName, line, "the text starts like a spreadsheet formula (= + - @)");
            yield return (index, fields[1]);
        }
    }

    public static int Validate(StagedFile file, int exampleCount, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var _ in Read(file.Path, file.FileName, exampleCount))
        {
            if (++count % 10_000 == 0)
                cancellationToken.ThrowIfCancellationRequested();
        }
        if (count == 0)
            throw new UploadRejectedException(UploadField.Content, $"{file.FileName}: no texts");
        return count;
    }

    private static UploadRejectedException Reject(string displayName, int line, string reason) =>
        new(UploadField.Content, $"{displayName}: row {line}: {reason}");
}
