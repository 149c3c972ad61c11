using CsvHelper;

namespace LabelErrors.Core.Formats;

/// <summary>
/// How every CSV of the project is written (CsvHelper): comma separated, <c>\n</c> line ends, UTF-8 without BOM,
/// invariant numbers, and a field quoted when it holds a comma, quote or line break or starts or ends with a space or
/// tab (RFC 4180, and readers that trim outside quotes keep such a class name whole).
/// </summary>
public static class CsvOutput
{
    public static CsvWriterOptions Options { get; } = new() { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace };

    /// <summary>A writer into <paramref name="destination"/>, which it leaves open.</summary>
    public static CsvWriter Create(TextWriter destination) => CsvWriter.Create(destination, Options, true);

    /// <summary>A writer of UTF-8 into <paramref name="destination"/>, which it leaves open.</summary>
    public static CsvWriter Create(Stream destination) => CsvWriter.Create(destination, Options, true);
}
