using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Validation;
using LabelErrors.Web.Uploads.MultiLabel;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

/// <summary>The upload-time (and job-time) reading and checks of multi-label files: formats, messages naming file and row.</summary>
public sealed class MultiLabelUploadInputsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("le-ml-inputs-").FullName;

    // Rows need not sum to 1: every class's own probability.
    private const string PredProbs = "0.9,0.8,0.1\n0.2,0.1,0.7\n0.05,0.9,0.9\n0.6,0.3,0.2\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private MultiLabelUploadInputs.Inputs Read(string labelsName, string labels, string predProbs = PredProbs, string? classNames = null,
        FilterBy filterBy = FilterBy.PruneByNoiseRate) =>
        MultiLabelUploadInputs.Read(Write(labelsName, labels), labelsName, Write("p.csv", predProbs), "p.csv",
            classNames is null ? null : Write("names.txt", classNames), classNames is null ? null : "names.txt", filterBy, CancellationToken.None);

    [Fact]
    public void Text_and_JSON_labels_give_the_same_sets_and_an_empty_line_is_an_example_without_labels()
    {
        var text = Read("l.txt", "0,1\n2\n\n1, 0\n");
        var json = Read("l.json", "[[0,1],[2],[],[0,1]]");
        Assert.Equal(4, text.Labels.Count);
        for (var i = 0; i < 4; i++)
            Assert.Equal(json.Labels[i].ToArray(), text.Labels[i].ToArray());
        Assert.Empty(text.Labels[2].ToArray());
        Assert.Equal(3, text.PredProbs.K);
        Assert.Null(text.ClassNames);
    }

    [Theory]
    [InlineData("l.txt", "0\n1\n2\n", PredProbs, "p.csv: pred_probs has 4 rows but l.txt has 3 examples")]
    [InlineData("l.txt", "0\n1\nx\n0\n", PredProbs, "l.txt: row 3: 'x' is not a class id")]
    [InlineData("l.txt", "0\n1\n3\n0\n", PredProbs, "l.txt: row 3: class id 3 is out of range: pred_probs has 3 classes, so class ids must be in 0..2")]
    [InlineData("l.txt", "0\n1\n2\n0\n", "0.9,0.8,0.1\n0.2,1.5,0.7\n0.05,0.9,0.9\n0.6,0.3,0.2\n", "p.csv: row 2: column 1: probability 1.5 is greater than 1")]
    [InlineData("l.txt", "0\n0\n0,2\n0\n", PredProbs, "l.txt: Labels must contain at least 2 classes: class 0 is in every example")]
    [InlineData("l.txt", "\n\n\n\n", PredProbs, "l.txt: no example has a label")]
    public void Bad_files_are_refused_naming_file_row_and_problem(string name, string labels, string predProbs, string message)
    {
        var refused = Assert.Throws<LabelErrorsInputException>(() => Read(name, labels, predProbs));
        Assert.StartsWith(message, refused.Message);
        Assert.DoesNotContain("(Parameter", refused.Message);
    }

    [Fact]
    public void Class_names_must_name_every_column_and_predicted_neq_given_refuses_a_class_nobody_has()
    {
        Assert.Equal(["a", "b", "c"], Read("l.txt", "0\n1\n2\n0\n", classNames: "a\nb\nc\n").ClassNames);
        Assert.StartsWith("names.txt: 2 class names but pred_probs has 3 columns",
            Assert.Throws<LabelErrorsInputException>(() => Read("l.txt", "0\n1\n1\n0\n", classNames: "a\nb\n")).Message);
        Read("l.txt", "0\n1\n1\n0\n"); // class 2 in no example: fine for the default filter
        Assert.Contains("class 2 is in no example",
            Assert.Throws<LabelErrorsInputException>(() => Read("l.txt", "0\n1\n1\n0\n", filterBy: FilterBy.PredictedNeqGiven)).Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
