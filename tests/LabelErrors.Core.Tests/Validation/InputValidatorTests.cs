using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.Validation;

public class InputValidatorTests
{
    private static LabelsInput Labels(params int[] labels) => new("labels.npy", labels, FirstRowNumber: 0);

    private static PredProbsInput Probs(int columns, params double[] values) =>
        new("probs.npy", PredProbs.FromDouble(values, values.Length / columns, columns), FirstRowNumber: 0);

    private static string Error(Action validate) => Assert.Throws<LabelErrorsInputException>(validate).Message;

    [Fact]
    public void Valid_inputs_pass_unchanged()
    {
        var probs = Probs(2, 0.9, 0.1, 0.2, 0.8, 0.5, 0.5);

        var result = InputValidator.Validate(Labels(0, 1, 1), probs);

        Assert.Same(probs.Matrix, result.PredProbs);
        Assert.Equal([0, 1, 1], result.Labels);
        Assert.Empty(result.Warnings);
        Assert.Equal((3, 2), (result.ExampleCount, result.ClassCount));
    }

    [Fact]
    public void Row_count_mismatch_names_both_files()
    {
        Assert.Equal("probs.npy: pred_probs has 2 rows but labels.npy has 3 labels; both must describe the same examples in the same order",
            Error(() => InputValidator.Validate(Labels(0, 1, 1), Probs(2, 0.5, 0.5, 0.5, 0.5))));
    }

    [Fact]
    public void Class_name_count_must_match_columns()
    {
        Assert.Equal("names.txt: 3 class names but pred_probs has 2 columns",
            Error(() => InputValidator.Validate(Labels(0, 1), Probs(2, 1, 0, 0, 1), ["a", "b", "c"], "names.txt")));
    }

    [Theory]
    [InlineData(double.NaN, "probs.npy: row 1: column 0: value nan is not a finite number")]
    [InlineData(double.NegativeInfinity, "probs.npy: row 1: column 0: value -inf is not a finite number")]
    [InlineData(-0.25, "probs.npy: row 1: column 0: probability -0.25 is negative")]
    [InlineData(0.75, "probs.npy: row 1: probabilities sum to 1.25, not 1 (tolerance 0.0001); --renormalize divides each row by its sum")]
    public void Bad_probability_values_give_row_and_column(double bad, string message)
    {
        Assert.Equal(message, Error(() => InputValidator.Validate(Labels(0, 1), Probs(2, 0.5, 0.5, bad, 0.5))));
    }

    [Fact]
    public void Csv_rows_are_reported_as_line_numbers()
    {
        var probs = new PredProbsInput("p.csv", PredProbs.FromDouble([0.5, 0.5, 0.3, 0.3], 2, 2), FirstRowNumber: 2);
        var labels = new LabelsInput("l.csv", [0, 5], FirstRowNumber: 1);

        Assert.Equal("p.csv: row 3: probabilities sum to 0.6, not 1 (tolerance 0.0001); --renormalize divides each row by its sum",
            Error(() => InputValidator.Validate(labels, probs)));
        Assert.Equal("l.csv: row 2: label 5 is out of range: pred_probs has 2 classes, so labels must be in 0..1",
            Error(() => InputValidator.Validate(labels, probs, options: new ValidationOptions { Renormalize = true })));
    }

    [Fact]
    public void Tolerance_is_looser_for_half_precision()
    {
        Half[] values = [(Half)0.5, (Half)0.495];
        var half = new PredProbsInput("h.npy", PredProbs.FromHalf([.. values, (Half)0, (Half)1], 2, 2), 0);
        var dbl = Probs(2, 0.5, 0.495, 0, 1);

        Assert.Same(half.Matrix, InputValidator.Validate(Labels(0, 1), half).PredProbs);
        Assert.Contains("not 1 (tolerance 0.0001)", Error(() => InputValidator.Validate(Labels(0, 1), dbl)));
        Assert.Equal(1e-2, RowSumTolerance.For(FloatPrecision.Float16));
    }

    [Fact]
    public void Renormalize_divides_each_row_by_its_sum_keeping_precision()
    {
        var singles = new PredProbsInput("p.npy", PredProbs.FromSingle([1f, 3f, 0.5f, 0.5f], 2, 2), 0);

        var result = InputValidator.Validate(Labels(0, 1), singles, options: new ValidationOptions { Renormalize = true });

        Assert.Equal(FloatPrecision.Float32, result.PredProbs.Precision);
        Assert.Equal([0.25f, 0.75f, 0.5f, 0.5f], ((PredProbs<float>)result.PredProbs).Data.ToArray());
    }

    [Fact]
    public void Renormalize_refuses_all_zero_rows()
    {
        Assert.Equal("probs.npy: row 0: all probabilities are 0, so the row cannot be renormalized",
            Error(() => InputValidator.Validate(Labels(0, 1), Probs(2, 0, 0, 0, 1), options: new ValidationOptions { Renormalize = true })));
    }

    [Fact]
    public void Labels_out_of_range_are_refused()
    {
        Assert.Equal("labels.npy: row 1: label -1 is out of range: pred_probs has 2 classes, so labels must be in 0..1",
            Error(() => InputValidator.Validate(Labels(0, -1), Probs(2, 1, 0, 0, 1))));
    }

    [Fact]
    public void One_class_only_is_refused_but_missing_classes_are_warnings()
    {
        Assert.Equal("labels.npy: labels contain only one class (1 'b'); at least 2 classes are needed",
            Error(() => InputValidator.Validate(Labels(1, 1), Probs(3, 1, 0, 0, 0, 1, 0), ["a", "b", "c"], "n.txt")));

        var result = InputValidator.Validate(Labels(0, 2), Probs(3, 1, 0, 0, 0, 0, 1), ["a", "b", "c"], "n.txt");

        Assert.Equal(["labels.npy: class 1 'b' has no examples"], result.Warnings);
    }

    [Fact]
    public void Empty_labels_are_refused()
    {
        Assert.Equal("labels.npy: labels are empty",
            Error(() => InputValidator.Validate(Labels(), Probs(2, 1, 0))));
    }

    [Fact]
    public void Values_above_one_are_refused_unless_allowed_or_renormalized()
    {
        // Row sums within tolerance, as in the published IMDB pred_probs, yet one value exceeds 1.
        var probs = Probs(2, 1.00002, 0.0, 0.5, 0.5);

        Assert.Equal("probs.npy: row 0: column 0: probability 1.00002 is greater than 1; --renormalize divides each row by its sum",
            Error(() => InputValidator.Validate(Labels(0, 1), probs)));
        Assert.Same(probs.Matrix, InputValidator.Validate(Labels(0, 1), probs, options: new ValidationOptions { AllowValuesAboveOne = true }).PredProbs);
        Assert.Equal(1.0, InputValidator.Validate(Labels(0, 1), probs, options: new ValidationOptions { Renormalize = true }).PredProbs[0, 0]);
    }

    [Fact]
    public void Many_missing_classes_make_one_short_warning()
    {
        var k = 15;
        var probs = new double[2 * k];
        probs[0] = 1;
        probs[k + 1] = 1;

        var result = InputValidator.Validate(Labels(0, 1), Probs(k, probs));

        Assert.Equal(["labels.npy: 13 classes have no examples: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 more"], result.Warnings);
    }
}
