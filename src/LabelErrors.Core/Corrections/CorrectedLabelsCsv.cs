using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Corrections;

/// <summary>
/// <c>index,original_label,corrected_label,category</c>, one line per kept example in index order, UTF-8 without BOM,
/// '\n' line ends, invariant numbers: byte for byte the same for the same set.
/// </summary>
public static class CorrectedLabelsCsv
{
    public const string Header = "index,original_label,corrected_label,category";
    public const string MediaType = "text/csv";

    public static void Write(Stream stream, CorrectedLabelSet set)
    {
        using var csv = CsvOutput.Create(stream);
        csv.WriteHeader(Header.Split(','));
        foreach (var row in set.Rows)
        {
            if (row.CorrectedLabel is not { } corrected)
                continue;
            csv.WriteField(row.Index);
            csv.WriteField(row.OriginalLabel);
            csv.WriteField(corrected);
            csv.WriteField(StudyCategoryNames.Format(row.Category));
            csv.EndRecord();
        }
    }
}
