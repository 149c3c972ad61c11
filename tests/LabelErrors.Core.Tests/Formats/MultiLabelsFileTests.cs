using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public sealed class MultiLabelsFileTests
{
    [Fact]
    public void Json_and_text_read_the_same_rows()
    {
        var json = MultiLabelsFile.Parse("[[0, 2], [], [1]]", "l.json");
        var text = MultiLabelsFile.Parse("0, 2\n\n1\n", "l.txt");
        Assert.Equal(json.Rows, text.Rows);
        Assert.Equal([[0, 2], [], [1]], text.Rows);
        Assert.Equal(0, json.FirstRowNumber);
        Assert.Equal(1, text.FirstRowNumber);
    }

    [Fact]
    public void Text_with_crlf_and_a_last_line_without_break()
    {
        Assert.Equal([[1], [], [0, 3]], MultiLabelsFile.Parse("1\r\n\r\n0,3", "l.txt").Rows);
    }

    [Theory]
    [InlineData("[[0], [1.5]]", "l.json", "l.json: row 1: 1.5 is not a class id (a non-negative integer)")]
    [InlineData("[[0], {\"a\": 1}]", "l.json", "l.json: row 1: expected an array of class ids, found a JSON object")]
    [InlineData("{\"labels\": []}", "l.json", "l.json: expected a JSON array with one array of class ids per example")]
    [InlineData("0\n-1\n", "l.txt", "l.txt: row 2: '-1' is not a class id (a non-negative integer; class ids are separated by commas)")]
    [InlineData("", "l.txt", "l.txt: labels are empty")]
    public void Bad_files_name_the_row(string content, string name, string message)
    {
        var e = Assert.Throws<LabelErrorsInputException>(() => MultiLabelsFile.Parse(content, name));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Validator_refuses_values_outside_the_unit_interval_with_row_and_column()
    {
        var labels = MultiLabelsFile.Parse("[[0], [1]]", "l.json");
        var p = new PredProbsInput("p.npy", PredProbs.FromDouble([0.2, 0.3, 0.4, 1.2], 2, 2), FirstRowNumber: 0);
        var e = Assert.Throws<LabelErrorsInputException>(() => MultiLabelInputValidator.Validate(labels, p));
        Assert.Equal("p.npy: row 1: column 1: probability 1.2 is greater than 1", e.Message);
    }
}
