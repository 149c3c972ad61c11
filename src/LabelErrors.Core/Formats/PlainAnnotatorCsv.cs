using System.Buffers;
using System.Text;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Core.Formats;

/// <summary>
/// The common annotator CSV — ASCII, no quotes, no spaces, tabs or carriage returns, '\n' line ends, a header of at
/// least two fields on line 1 and then rows of as many cells, each empty or up to 9 digits, no empty line before the
/// end — parsed straight from the file's bytes, in two halves side by side (docs/benchmarks.md). Anything
/// else returns null and goes through <see cref="AnnotatorLabelsCsv"/>'s CSV reader, which parses such a file the
/// same way (whitespace trimming, quoting, blank lines and messages only matter outside this subset).
/// </summary>
internal static class PlainAnnotatorCsv
{
    private static readonly SearchValues<byte> Outside = SearchValues.Create(
        Enumerable.Range(0, 256).Select(b => (byte)b).Where(b => b >= 0x80 || b is (byte)'"' or (byte)'\r' or (byte)' ' or (byte)'\t' || (b < 0x20 && b != '\n')).ToArray());

    /// <summary>Header fields, labels row-major (<see cref="AnnotatorLabels.Missing"/> where empty), and the row count; null outside the subset.</summary>
    public static (string[] Header, int[] Labels, int Rows)? TryParse(byte[] bytes)
    {
        var text = bytes.AsSpan();
        if (text.IsEmpty || text.IndexOfAny(Outside) >= 0) return null;
        int headerEnd = text.IndexOf((byte)'\n');
        if (headerEnd <= 0) return null;
        var header = Encoding.ASCII.GetString(text[..headerEnd]).Split(',');
        int width = header.Length;
        if (width < 2) return null; // a one-column row with an empty cell is a blank line to the CSV reader
        int first = AnnotatorCells.FirstAnnotatorColumn(header);
        int m = width - first;

        int bodyStart = headerEnd + 1, bodyEnd = text.Length;
        if (bodyEnd > bodyStart && text[bodyEnd - 1] == '\n') bodyEnd--; // the last line's end
        if (bodyEnd <= bodyStart) return null;

        // two halves split at a line end, parsed side by side into their own rows
        int middle = bodyStart + ((bodyEnd - bodyStart) / 2);
        int split = text[middle..bodyEnd].IndexOf((byte)'\n');
        split = split < 0 ? bodyEnd : middle + split;
        int rowsBefore = text[bodyStart..split].Count((byte)'\n') + 1;
        int rows = split == bodyEnd ? rowsBefore : rowsBefore + text[(split + 1)..bodyEnd].Count((byte)'\n') + 1;
        if ((long)rows * m > Array.MaxLength) return null;
        var labels = new int[rows * m];
        bool ok = true;
        Parallelism.For(split == bodyEnd ? 1 : 2, part =>
        {
            bool parsed = part == 0
                ? ParseRows(bytes.AsSpan(bodyStart, split - bodyStart), width, first, labels.AsSpan(0, rowsBefore * m))
                : ParseRows(bytes.AsSpan(split + 1, bodyEnd - split - 1), width, first, labels.AsSpan(rowsBefore * m));
            if (!parsed) ok = false;
        });
        return ok ? (header, labels, rows) : null;
    }

    /// <summary>Lines separated by '\n' into <paramref name="labels"/> (exactly filled); false outside the subset.</summary>
    private static bool ParseRows(ReadOnlySpan<byte> body, int width, int first, Span<int> labels)
    {
        int count = 0;
        int position = 0;
        while (position <= body.Length)
        {
            int end = body[position..].IndexOf((byte)'\n');
            var line = end < 0 ? body[position..] : body.Slice(position, end);
            position += line.Length + 1;
            if (line.IsEmpty) return false;
            int field = 0;
            int start = 0;
            while (true)
            {
                int comma = line[start..].IndexOf((byte)',');
                var cell = comma < 0 ? line[start..] : line.Slice(start, comma);
                if (field >= width) return false;
                if (field >= first)
                {
                    int value = AnnotatorCells.Digits(cell);
                    if (value == AnnotatorCells.NotDigits || count == labels.Length) return false;
                    labels[count++] = value;
                }

                field++;
                if (comma < 0) break;
                start += comma + 1;
            }

            if (field != width) return false;
        }

        return count == labels.Length;
    }
}
