using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

/// <summary>Reading a file (which tries the byte-level fast path first) gives what the CSV reader gives, labels, line numbers and messages alike.</summary>
public sealed class AnnotatorLabelsCsvPlainTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("annotator-csv-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("a,b,c\n1,,2\n,0,0\n")] // the usual file
    [InlineData("a,b,c\n1,,2\n,0,0")] // no final line end
    [InlineData(",a,b\n0,1,\n1,,3\n")] // pandas' index column
    [InlineData("a,b\n1,2\n\n")] // a blank last line
    [InlineData("\na,b\n1,2\n")] // a blank first line
    [InlineData("a,b\n1,2\n\n3,4\n")] // a blank line between data lines
    [InlineData("a,b\r\n1,2\r\n")] // Windows line ends
    [InlineData("a, b\n 1,2\n")] // spaces
    [InlineData("\"a\",b\n1,\"2\"\n")] // quotes
    [InlineData("a,b\n1.0,2\n")] // pandas' float spelling
    [InlineData("a,b\n-1,2\n")] // negative
    [InlineData("a,b\nx,2\n")] // not a number
    [InlineData("a,b\n1,2,3\n")] // too wide
    [InlineData("a,b\n1\n")] // too narrow
    [InlineData("a,a\n1,2\n")] // repeated id
    [InlineData("a,\n1,2\n")] // missing id
    [InlineData("a,b\n")] // no rows
    [InlineData("a\n1\n\n")] // one annotator
    [InlineData("a,b\n1234567890,1\n")] // ten digits
    [InlineData("é,b\n1,2\n")] // non-ASCII id
    [InlineData("a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n")] // both halves plain
    [InlineData("a,b\n1,2\n3,4\n5,6\n7,8\n9,x\n")] // a problem in the second half
    [InlineData("a,b\n1,2\n3\n5,6\n7,8\n9,10\n")] // a narrow row in the first half
    [InlineData("a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n\n")] // two line ends at the end
    public void File_and_reader_agree(string text)
    {
        var path = Path.Combine(_directory, "labels.csv");
        File.WriteAllText(path, text);
        var fromFile = Outcome(() => AnnotatorLabelsCsv.Read(path));
        var fromReader = Outcome(() => AnnotatorLabelsCsv.Read(new StringReader(text), path));
        Assert.Equal(fromReader, fromFile);
    }

    [Fact]
    public void The_usual_file_is_read_from_its_bytes()
    {
        Assert.NotNull(PlainAnnotatorCsv.TryParse("a,b,c\n1,,2\n,0,0\n"u8.ToArray()));
        Assert.Null(PlainAnnotatorCsv.TryParse("a,b,c\r\n1,,2\r\n"u8.ToArray()));
    }

    private static string Outcome(Func<AnnotatorLabelsInput> read)
    {
        try
        {
            var input = read();
            var labels = input.Labels;
            var values = Enumerable.Range(0, labels.N).SelectMany(i => labels.Row(i).ToArray());
            return $"{labels.N}×{labels.M} [{string.Join(' ', labels.AnnotatorIds)}] header {input.HeaderLineNumber} " +
                $"lines [{string.Join(' ', input.LineNumbers)}] labels [{string.Join(' ', values)}]";
        }
        catch (LabelErrorsInputException e)
        {
            return "error: " + e.Message;
        }
    }
}
