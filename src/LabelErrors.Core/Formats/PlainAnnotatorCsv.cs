using System.Buffers;
using System.Text;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Core.Formats;

/// <summary>
/// The common annotator CSV — ASCII, no quotes, no spaces, tabs or carriage returns, '\n' line ends, a header of at
/// least two fields on line 1 and then rows of as many cells, each empty or up to 9 digits, no empty line before the
/// end — parsed straight from the file's bytes (200,000 × 50: about a tenth of the CPU of the CSV reader). Anything
/// else returns null and goes through <see cref="AnnotatorLabelsCsv"/>'s CSV reader, which parses such a file the
/// same way (whitespace trimming, quoting, blank lines and messages only matter outside this subset).
/// </summary>
internal static class PlainAnnotatorCsv
{
    private static readonly SearchValues<byte> Outside = SearchValues.Create(
        Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => b >= 0x80 || b is (byte)'"' or (byte)'\r' or (byte)' ' or (byte)'\t' || (b < 0x20 && b != '\n')).ToArray());

    /// <summary>Header fields, labels row-major (<see cref="AnnotatorLabels.Missing"/> where empty), and the row count; null outside the subset.</summary>
    public static (string[] Header, int[] Labels, int Rows)? TryParse(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.IndexOfAny(Outside) >= 0) return null;
        int headerEnd = text.IndexOf((byte)'\n');
        if (headerEnd <= 0) return null;
        var header = Encoding.ASCII.GetString(text[..headerEnd]).Split(',');
        int width = header.Length;
        if (width < 2) return null; // a one-column row with an empty cell is a blank line to the CSV reader
        int first = header[0].Length == 0 ? 1 : 0; // pandas' index column
        int m = width - first;

        var body = text[(headerEnd + 1)..];
        if (!body.IsEmpty && body[^1] == '\n') body = body[..^1]; // the last line's end
        if (body.IsEmpty) return null;
        int rows = body.Count((byte)'\n') + 1;
        if ((long)rows * m > Array.MaxLength) return null;
        var labels = new int[rows * m];
        int count = 0;
        int position = 0;
        for (int row = 0; row < rows; row++)
        {
            int end = body[position..].IndexOf((byte)'\n');
            var line = end < 0 ? body[position..] : body.Slice(position, end);
            position += line.Length + 1;
            if (line.IsEmpty) return null;
            int field = 0;
            int start = 0;
            while (true)
            {
                int comma = line[start..].IndexOf((byte)',');
                var cell = comma < 0 ? line[start..] : line.Slice(start, comma);
                if (field >= width) return null;
                if (field >= first)
                {
                    int value = Digits(cell);
                    if (value == NotDigits) return null;
                    labels[count++] = value;
                }

                field++;
                if (comma < 0) break;
                start += comma + 1;
            }

            if (field != width) return null;
        }

        return (header, labels, rows);
    }

    private const int NotDigits = -2;

    private static int Digits(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty) return AnnotatorLabels.Missing;
        if (cell.Length > 9) return NotDigits;
        int value = 0;
        foreach (byte b in cell)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return NotDigits;
            value = (value * 10) + (int)digit;
        }

        return value;
    }
}
