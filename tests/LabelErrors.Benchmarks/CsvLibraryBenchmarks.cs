using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;

namespace LabelErrors.Benchmarks;

/// <summary>
/// Sep against CsvHelper (and the hand-written writer they replaced) on 1,000,000 rows of the issue table's shape,
/// <c>index,given_label,suggested_label,label_quality</c> with class names (every tenth needs quotes): written to a
/// stream, and read back field by field with the numbers parsed.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CsvLibraryBenchmarks
{
    private static readonly string[] Names = ["airplane", "automobile", "bird, small", "cat", "deer", "dog", "frog", "horse", "ship", "truck \"big\""];

    private (int Index, int Given, int Suggested, double Quality)[] _rows = [];
    private byte[] _file = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _rows = Enumerable.Range(0, N).Select(i => (i, random.Next(10), random.Next(10), random.NextDouble())).ToArray();
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            WriteSep(writer);
        _file = buffer.ToArray();
    }

    [Benchmark(Baseline = true, Description = "write: hand-written")]
    public void WriteHandWritten()
    {
        using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16);
        writer.Write("index,given_label,suggested_label,label_quality\n");
        var line = new StringBuilder();
        foreach (var (index, given, suggested, quality) in _rows)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{index},{Quote(Names[given])},{Quote(Names[suggested])},{quality:R}\n");
            writer.Write(line);
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    [Benchmark(Description = "write: Sep")]
    public void WriteSep() => WriteSep(new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16));

    private void WriteSep(TextWriter target)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(target);
        Span<char> score = stackalloc char[32];
        foreach (var (index, given, suggested, quality) in _rows)
        {
            using var row = writer.NewRow();
            row["index"].Format(index);
            row["given_label"].Set(Names[given]);
            row["suggested_label"].Set(Names[suggested]);
            quality.TryFormat(score, out var written, "R", CultureInfo.InvariantCulture);
            row["label_quality"].Set(score[..written]);
        }
    }

    [Benchmark(Description = "write: CsvHelper")]
    public void WriteCsvHelper()
    {
        using var csv = CsvWriter.Create(new StreamWriter(Stream.Null, new UTF8Encoding(false), 1 << 16),
            new CsvWriterOptions { NewLine = "\n", Quoting = CsvQuoting.WhenNeededOrWhitespace });
        csv.WriteRecord(["index", "given_label", "suggested_label", "label_quality"]);
        foreach (var (index, given, suggested, quality) in _rows)
        {
            csv.WriteField(index);
            csv.WriteField(Names[given]);
            csv.WriteField(Names[suggested]);
            csv.WriteField(quality, "R");
            csv.EndRecord();
        }
    }

    [Benchmark(Description = "read: Sep")]
    public double ReadSep()
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.All, CultureInfo = CultureInfo.InvariantCulture })
            .From(new MemoryStream(_file));
        double sum = 0;
        foreach (var row in reader)
            sum += row[0].Parse<int>() + row[1].ToString().Length + row[2].ToString().Length + row[3].Parse<double>();
        return sum;
    }

    [Benchmark(Description = "read: CsvHelper")]
    public double ReadCsvHelper()
    {
        using var csv = CsvReader.Create(_file, new CsvReaderOptions { Separator = ',', TrimWhitespace = true });
        double sum = 0;
        foreach (var row in csv)
            sum += row.Parse<int>(0) + row.GetString(1).Length + row.GetString(2).Length + row.Parse<double>(3);
        return sum;
    }
}
