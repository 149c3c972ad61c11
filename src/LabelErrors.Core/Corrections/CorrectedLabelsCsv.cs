using System.Globalization;
using System.Text;

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
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var row in set.Rows)
        {
            if (row.CorrectedLabel is not { } corrected)
                continue;
            writer.Write(row.Index.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(row.OriginalLabel.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(corrected.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.WriteLine(StudyCategoryNames.Format(row.Category));
        }
    }
}
