using CsvHelper;

namespace LabelErrors.Core.Formats;

/// <summary>
/// How every CSV of the project is read (CsvHelper): comma separated (never guessed), RFC 4180 quotes with <c>""</c>
/// for a quote, each record with the 1-based line it starts on. A stray quote inside an unquoted field is text; an
/// unterminated quoted field is an error.
/// </summary>
public static class CsvInput
{
    /// <summary>
    /// One record per line (labels, pred_probs): no line breaks inside quotes, fields trimmed of spaces and tabs outside
    /// quotes, nothing after a closing quote. Leading and trailing blank lines are dropped; a blank line between data
    /// lines is an error, because it usually means a broken export.
    /// </summary>
    /// <param name="reject">Makes the exception for a reason and the line it concerns.</param>
    public static List<(int LineNumber, string[] Fields)> ReadLines(TextReader reader, Func<string, int, Exception> reject)
    {
        var records = new List<(int, string[])>();
        int? firstBlankAfterData = null;
        var previousLine = 0;
        foreach (var (line, fields, isBlank) in Records(reader, strict: true, reject))
        {
            if (records.Count > 0 && firstBlankAfterData is null && line > previousLine + 1)
                firstBlankAfterData = previousLine + 1; // empty lines, which the parser skips
            previousLine = line;
            if (isBlank)
            {
                if (records.Count > 0)
                    firstBlankAfterData ??= line;
                continue;
            }
            if (firstBlankAfterData is { } blank)
                throw reject("empty line between data lines", blank);
            records.Add((line, fields));
        }
        return records;
    }

    /// <summary>
    /// The records of <see cref="ReadLines"/> (same checks, same blank-line rule) handed to <paramref name="record"/>
    /// one at a time, to be read from the reader (GetSpan, IsEmpty, GetString) during the call: no string per field
    /// (a 200,000 × 50 annotator table is 10 million cells, mostly empty).
    /// </summary>
    public static void ForEachLine(TextReader reader, Func<string, int, Exception> reject, Action<int, CsvReader> record)
    {
        CsvMalformedReason? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed ??= record.Reason,
        };
        using var csv = CsvReader.Create(reader, options, true);
        bool any = false;
        int? firstBlankAfterData = null;
        var previousLine = 0;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (malformed is { } reason)
            {
                malformed = null;
                if (reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.TextAfterClosingQuote)
                    throw reject(reason == CsvMalformedReason.TextAfterClosingQuote ? "unexpected text after a quoted field" : "unterminated quoted field", line);
            }

            if (any && firstBlankAfterData is null && line > previousLine + 1)
                firstBlankAfterData = previousLine + 1;
            previousLine = line;
            if (csv.FieldCount == 1 && string.IsNullOrWhiteSpace(csv.GetString(0)) && csv.RawRecord.IndexOf((byte)'"') < 0)
            {
                if (any)
                    firstBlankAfterData ??= line;
                continue;
            }
            if (firstBlankAfterData is { } blank)
                throw reject("empty line between data lines", blank);
            any = true;
            record(line, csv);
        }
    }

    /// <summary>
    /// Records whose quoted fields may span lines (text content): fields kept as written, text after a closing quote
    /// appended to the field, blank lines skipped.
    /// </summary>
    public static IEnumerable<(int LineNumber, string[] Fields)> ReadRecords(TextReader reader, Func<string, int, Exception> reject)
    {
        foreach (var (line, fields, isBlank) in Records(reader, strict: false, reject))
        {
            if (!isBlank)
                yield return (line, fields);
        }
    }

    private static IEnumerable<(int Line, string[] Fields, bool IsBlank)> Records(TextReader reader, bool strict, Func<string, int, Exception> reject)
    {
        CsvMalformedReason? malformed = null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrimWhitespace = strict,
            AllowLineBreaksInQuotes = !strict,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed ??= record.Reason,
        };
        using var csv = CsvReader.Create(reader, options, true);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            if (malformed is { } reason)
            {
                malformed = null;
                if (reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes)
                    throw reject("unterminated quoted field", line);
                if (strict && reason == CsvMalformedReason.TextAfterClosingQuote)
                    throw reject("unexpected text after a quoted field", line);
            }
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = csv.GetString(i);
            var isBlank = fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]) && csv.RawRecord.IndexOf((byte)'"') < 0;
            yield return (line, fields, isBlank);
        }
    }
}
