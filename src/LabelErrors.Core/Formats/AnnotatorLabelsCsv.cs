using System.Globalization;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>
/// Multi-annotator labels from CSV: a header of annotator ids, then one row per example with one cell per annotator,
/// an empty cell where that annotator gave no label (what pandas' <c>to_csv</c> writes for NaN; its float spelling
/// such as <c>3.0</c> is accepted). A header whose first field is empty marks pandas' index column, which is skipped.
/// Every row must have as many cells as the header.
/// </summary>
public static class AnnotatorLabelsCsv
{
    public static AnnotatorLabelsInput Read(string path)
    {
        using (var stream = FileErrors.OpenRead(path))
        {
            // the usual file (digits, commas, line ends) straight from its bytes; anything else through the CSV reader
            if (stream.Length <= PlainBytesMax)
            {
                var bytes = new byte[stream.Length];
                stream.ReadExactly(bytes);
                if (PlainAnnotatorCsv.TryParse(bytes) is var (header, labels, rows))
                    return Build(path, header, 1, labels, labels.Length, [.. Enumerable.Range(2, rows)], null);
            }
        }

        using var reader = TextLines.Open(path);
        return Read(reader, path);
    }

    /// <summary>Files up to this size are tried as <see cref="PlainAnnotatorCsv"/> (read whole).</summary>
    private const long PlainBytesMax = 1L << 30;

    public static AnnotatorLabelsInput Read(TextReader reader, string displayName)
    {
        // one pass, cells parsed from the reader's bytes; problems are reported in the order of a read-all-then-check
        // reader: the file's structure (CsvInput throws), then the header, then the first bad row
        string[]? header = null;
        int headerLine = 0;
        var labels = new int[1 << 16];
        var lineNumbers = new List<int>();
        int count = 0;
        LabelErrorsInputException? rowProblem = null;
        CsvInput.ForEachLine(reader, (reason, line) => new LabelErrorsInputException(displayName, reason, line), (line, csv) =>
        {
            if (header is null)
            {
                header = new string[csv.FieldCount];
                for (int j = 0; j < header.Length; j++) header[j] = csv.GetString(j);
                headerLine = line;
                return;
            }

            lineNumbers.Add(line);
            if (rowProblem is not null) return;
            int first = AnnotatorCells.FirstAnnotatorColumn(header);
            int m = header.Length - first;
            if (csv.FieldCount != header.Length)
            {
                rowProblem = new LabelErrorsInputException(displayName,
                    $"expected {header.Length} cells as in the header (one per annotator, empty for no label), found {csv.FieldCount}", line);
                return;
            }

            if (count + m > labels.Length) Array.Resize(ref labels, (int)Math.Min(Array.MaxLength, Math.Max((long)labels.Length * 2, count + m)));
            for (int j = 0; j < m; j++)
            {
                var cell = csv.GetSpan(first + j);
                int value = AnnotatorCells.Digits(cell);
                if (value == AnnotatorCells.NotDigits)
                {
                    try
                    {
                        value = ParseCell(csv.GetString(first + j), header[first + j], first + j + 1, line, displayName);
                    }
                    catch (LabelErrorsInputException e)
                    {
                        rowProblem = e;
                        return;
                    }
                }

                labels[count++] = value;
            }
        });
        if (header is null) throw new LabelErrorsInputException(displayName, "no header of annotator ids");
        return Build(displayName, header, headerLine, labels, count, [.. lineNumbers], rowProblem);
    }

    private static AnnotatorLabelsInput Build(
        string displayName, string[] header, int headerLine, int[] labels, int count, int[] lineNumbers, LabelErrorsInputException? rowProblem)
    {
        int firstColumn = AnnotatorCells.FirstAnnotatorColumn(header);
        var ids = header.Skip(firstColumn).ToArray();
        for (int j = 0; j < ids.Length; j++)
        {
            if (ids[j].Length == 0)
                throw new LabelErrorsInputException(displayName, $"column {firstColumn + j + 1}: the header needs an annotator id for every column", headerLine);
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new LabelErrorsInputException(displayName, $"annotator id '{repeated}' appears twice in the header", headerLine);
        }

        int rows = lineNumbers.Length;
        if (rows == 0) throw new LabelErrorsInputException(displayName, "no examples after the header");
        if ((long)rows * ids.Length > Array.MaxLength) throw new LabelErrorsInputException(displayName, $"{rows}×{ids.Length} labels are too many");
        if (rowProblem is not null) throw rowProblem;
        if (labels.Length != count) Array.Resize(ref labels, count);
        return new AnnotatorLabelsInput(displayName, new AnnotatorLabels(labels, rows, ids), headerLine, lineNumbers);
    }

    private static int ParseCell(string value, string annotator, int column, int lineNumber, string displayName)
    {
        if (value.Length == 0) return AnnotatorLabels.Missing;
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && integer is >= 0 and <= int.MaxValue)
            return (int)integer;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            if (double.IsNaN(real))
                throw new LabelErrorsInputException(displayName,
                    $"column {column} (annotator '{annotator}'): '{value}' is not a class index; leave the cell empty where the annotator gave no label", lineNumber);
            if (real >= 0 && real <= int.MaxValue && real == Math.Floor(real))
                return (int)real;
        }

        var reason = value.StartsWith('-')
            ? $"column {column} (annotator '{annotator}'): label {value} is negative; class indices start at 0"
            : $"column {column} (annotator '{annotator}'): '{value}' is not a class index (a whole number ≥ 0, or empty for no label)";
        throw new LabelErrorsInputException(displayName, reason, lineNumber);
    }
}
