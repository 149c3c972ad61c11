using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Formats;

public class CsvReadersTests
{
    private static LabelsInput Labels(string text, IReadOnlyList<string>? names = null) =>
        LabelsCsv.Read(new StringReader(text), "labels.csv", names);

    private static PredProbsInput Probs(string text) => PredProbsCsv.Read(new StringReader(text), "probs.csv");

    private static string Error(Action read) => Assert.Throws<LabelErrorsInputException>(read).Message;

    [Fact]
    public void Integer_labels_one_per_line_with_optional_header()
    {
        var plain = Labels("1\n0\n2\n");
        var withHeader = Labels("label\r\n1\r\n0\r\n");

        Assert.Equal([1, 0, 2], plain.Labels);
        Assert.Equal(1, plain.FirstRowNumber);
        Assert.Equal([1, 0], withHeader.Labels);
        Assert.Equal(2, withHeader.FirstRowNumber);
    }

    [Fact]
    public void Class_name_labels_map_to_their_position_and_quoted_names_may_hold_commas()
    {
        string[] names = ["cat", "dog, large", "label"];

        // "label" is a class name here, so the first line is data, not a header; integers still work.
        Assert.Equal([2, 1, 0, 0], Labels("label\n\"dog, large\"\ncat\n0\n", names).Labels);
    }

    [Fact]
    public void An_unquoted_comma_makes_two_fields_which_is_refused()
    {
        Assert.Equal("labels.csv: row 1: expected one label per line, found 2 values",
            Error(() => Labels("dog, large\n", ["dog, large"])));
    }

    [Fact]
    public void Unknown_label_text_is_reported_with_its_line()
    {
        Assert.Equal("labels.csv: row 3: label 'cat' is not an integer (pass --class-names to use class names)",
            Error(() => Labels("label\n0\ncat\n")));
        Assert.Equal("labels.csv: row 2: label 'cow' is neither a class name nor an integer",
            Error(() => Labels("cat\ncow\n", ["cat", "dog"])));
    }

    [Fact]
    public void Empty_line_between_labels_and_empty_files_are_refused()
    {
        Assert.Equal("labels.csv: row 2: empty line between data lines", Error(() => Labels("1\n\n0\n")));
        Assert.Equal("labels.csv: no labels", Error(() => Labels("label\n\n")));
        Assert.Equal("labels.csv: no labels", Error(() => Labels("")));
    }

    [Fact]
    public void Pred_probs_without_header_parse_invariant_numbers()
    {
        var input = Probs("0.25,0.75\n1e-1, 9E-1\n");

        Assert.Equal((2, 2), (input.Matrix.N, input.Matrix.K));
        Assert.Equal([0.25, 0.75, 0.1, 0.9], input.Matrix.ToDoubleArray());
        Assert.Equal(1, input.FirstRowNumber);
    }

    [Fact]
    public void Pred_probs_header_row_is_detected_and_python_nan_is_read()
    {
        var input = Probs("cat,dog\n0.5,0.5\nnan,inf\n");

        Assert.Equal(2, input.FirstRowNumber);
        Assert.Equal(2, input.Matrix.N);
        Assert.True(double.IsNaN(input.Matrix[1, 0]));
        Assert.Equal(double.PositiveInfinity, input.Matrix[1, 1]);
    }

    [Fact]
    public void Pred_probs_ragged_rows_and_bad_numbers_name_line_and_column()
    {
        Assert.Equal("probs.csv: row 3: expected 2 values (as in the header), found 3",
            Error(() => Probs("a,b\n0.5,0.5\n0.1,0.2,0.7\n")));
        Assert.Equal("probs.csv: row 2: column 2: '0,5' is not a number",
            Error(() => Probs("0.5,0.5\n0.5,\"0,5\"\n")));
        Assert.Equal("probs.csv: no data rows after the header", Error(() => Probs("a,b\n")));
        Assert.Equal("probs.csv: row 1: unterminated quoted field", Error(() => Probs("\"0.5,0.5\n")));
    }

    [Fact]
    public void Pandas_index_column_is_skipped()
    {
        var input = Probs(",0,1\n0,0.25,0.75\n1,0.5,0.5\n");

        Assert.Equal((2, 2), (input.Matrix.N, input.Matrix.K));
        Assert.Equal([0.25, 0.75, 0.5, 0.5], input.Matrix.ToDoubleArray());
    }

    [Fact]
    public void Numeric_header_0_to_k_minus_1_is_a_header_from_three_classes_on()
    {
        var three = Probs("0,1,2\n0.2,0.3,0.5\n");
        var two = Probs("0,1\n0.5,0.5\n");

        Assert.Equal((1, 2), (three.Matrix.N, three.FirstRowNumber));
        Assert.Equal((2, 1), (two.Matrix.N, two.FirstRowNumber)); // "0,1" is a valid probability row
    }

    [Fact]
    public void Leading_blank_lines_are_ignored_and_line_numbers_kept()
    {
        var input = Labels("\n\n3\n4\n");

        Assert.Equal([3, 4], input.Labels);
        Assert.Equal(3, input.FirstRowNumber);
    }

    [Fact]
    public void Errors_after_a_pandas_index_name_the_file_column()
    {
        Assert.Equal("probs.csv: row 3: column 3: 'x' is not a number", Error(() => Probs(",a,b\n0,0.5,0.5\n1,0.5,x\n")));
    }
}
