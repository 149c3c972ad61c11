using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Tests.Formats;

/// <summary>The rules the hand-written line splitter had, kept now that CsvHelper reads every CSV.</summary>
public sealed class CsvInputTests
{
    private static List<(int LineNumber, string[] Fields)> Lines(string text) =>
        CsvInput.ReadLines(new StringReader(text), (reason, line) => new FormatException($"{line}: {reason}"));

    private static List<(int LineNumber, string[] Fields)> Records(string text) =>
        CsvInput.ReadRecords(new StringReader(text), (reason, line) => new FormatException($"{line}: {reason}")).ToList();

    [Fact]
    public void Lines_trim_outside_quotes_keep_quoted_spaces_and_number_each_record()
    {
        var lines = Lines("\n a , \" b, c \" ,d\r\n\"say \"\"hi\"\"\",\n");
        Assert.Equal([2, 3], lines.Select(l => l.LineNumber));
        Assert.Equal(["a", " b, c ", "d"], lines[0].Fields);
        Assert.Equal(["say \"hi\"", ""], lines[1].Fields);
    }

    [Fact]
    public void A_stray_quote_inside_an_unquoted_field_is_text() =>
        Assert.Equal(["5\" disk", "x"], Lines("5\" disk,x\n")[0].Fields);

    [Theory]
    [InlineData("1\n\"a,b\n2\n", "2: unterminated quoted field")]
    [InlineData("\"a\"b,c\n", "1: unexpected text after a quoted field")]
    [InlineData("1\n  \n2\n", "2: empty line between data lines")]
    [InlineData("1\n\n\n2\n", "2: empty line between data lines")]
    public void Broken_lines_are_refused_with_their_line(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => Lines(text)).Message);

    [Fact]
    public void Blank_lines_around_the_data_are_dropped() =>
        Assert.Equal([3, 4], Lines("\n  \n1\n2\n\n \n").Select(l => l.LineNumber));

    [Fact]
    public void Records_may_span_lines_and_start_where_they_start()
    {
        var records = Records("index,text\n0,\"two\nlines\"\n\n1, kept as written \n");
        Assert.Equal([1, 2, 5], records.Select(r => r.LineNumber));
        Assert.Equal(["0", "two\nlines"], records[1].Fields);
        Assert.Equal(["1", " kept as written "], records[2].Fields);
    }

    [Fact]
    public void An_unclosed_quote_in_a_record_is_refused_at_its_first_line() =>
        Assert.Equal("2: unterminated quoted field", Assert.Throws<FormatException>(() => Records("0,a\n1,\"b\n2,c\n")).Message);
}
