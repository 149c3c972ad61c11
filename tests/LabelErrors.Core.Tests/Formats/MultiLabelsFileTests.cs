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
    public void Invalid_json_is_reported_before_an_earlier_bad_row()
    {
        var e = Assert.Throws<LabelErrorsInputException>(() => MultiLabelsFile.Parse("[[0], [1.5], [2", "l.json"));
        Assert.StartsWith("l.json: not valid JSON (", e.Message);
    }

    [Fact]
    public void Files_with_a_byte_order_mark_read_like_those_without()
    {
        string dir = Path.Combine(Path.GetTempPath(), "le-mlf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string json = Path.Combine(dir, "l.json"), text = Path.Combine(dir, "l.txt"), utf16 = Path.Combine(dir, "u.json");
            File.WriteAllText(json, "[[0, 2], [], [1]]", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            File.WriteAllText(text, "0,2\n\n1\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            File.WriteAllText(utf16, "[[0, 2], [], [1]]", System.Text.Encoding.Unicode);
            foreach (var path in new[] { json, text, utf16 })
                Assert.Equal([[0, 2], [], [1]], MultiLabelsFile.Read(path).Rows);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(double.NaN, "p.npy: row 1: column 0: value NaN is not a finite number")]
    [InlineData(-0.25, "p.npy: row 1: column 0: probability -0.25 is negative")]
    public void Validator_names_the_first_bad_value(double bad, string message)
    {
        var labels = MultiLabelsFile.Parse("[[0], [1], [1]]", "l.json");
        var p = new PredProbsInput("p.npy", PredProbs.FromSingle([0.2f, 0.3f, (float)bad, 0.4f, 2f, 0.5f], 3, 2), FirstRowNumber: 0);
        var e = Assert.Throws<LabelErrorsInputException>(() => MultiLabelInputValidator.Validate(labels, p));
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
