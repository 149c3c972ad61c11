using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Tests;

/// <summary>Every bad input ends with exit code 2 and one line on stderr saying what and where; nothing on stdout.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly string _labels;
    private readonly string _probs;

    public BadInputTests()
    {
        _labels = _temp.File("labels.csv", "0\n1\n1\n");
        _probs = _temp.File("probs.csv", "0.9,0.1\n0.2,0.8\n0.6,0.4\n");
    }

    public void Dispose() => _temp.Dispose();

    private static async Task AssertBadInput(string expectedError, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(expectedError + Environment.NewLine, run.Error);
    }

    [Fact]
    public async Task The_valid_baseline_succeeds()
    {
        var run = await CliRun.RunAsync("find-issues", "-l", _labels, "-p", _probs, "--filter-by", "predicted_neq_given");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["index,given_label,suggested_label,label_quality", "2,1,0,0.4"], run.OutLines);
    }

    [Fact]
    public Task Missing_file() =>
        AssertBadInput($"labelerrors: {_temp.File("nope.npy")}: file not found", "find-issues", "-l", _temp.File("nope.npy"), "-p", _probs);

    [Fact]
    public Task Not_an_npy_file() =>
        AssertBadInput($"labelerrors: {_temp.File("fake.npy", "hello, world")}: not a .npy file: the magic string \\x93NUMPY is missing",
            "find-issues", "-l", _temp.File("fake.npy"), "-p", _probs);

    [Fact]
    public Task Truncated_npy_file()
    {
        var path = _temp.File("probs.npy");
        using (var stream = File.Create(path))
            Npy.Write(stream, [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], 3, 2);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);

        return AssertBadInput($"labelerrors: {path}: file is truncated: shape (3, 2) of <f8 needs 48 data bytes, found 43",
            "find-issues", "-l", _labels, "-p", path);
    }

    [Fact]
    public Task Pred_probs_that_are_not_2d()
    {
        var path = _temp.File("flat.npy");
        Npy.Write(path, [0.5, 0.5, 0.5], 3);

        return AssertBadInput($"labelerrors: {path}: pred_probs must be a 2-D array (examples × classes), got shape (3,)",
            "find-issues", "-l", _labels, "-p", path);
    }

    [Fact]
    public Task Row_count_mismatch() =>
        AssertBadInput($"labelerrors: {_probs}: pred_probs has 3 rows but {_temp.File("two.csv", "0\n1\n")} has 2 labels; both must describe the same examples in the same order",
            "find-issues", "-l", _temp.File("two.csv"), "-p", _probs);

    [Fact]
    public Task Nan_in_pred_probs_names_line_and_column() =>
        AssertBadInput($"labelerrors: {_temp.File("nan.csv", "0.9,0.1\n0.2,nan\n0.6,0.4\n")}: row 2: column 1: value nan is not a finite number",
            "find-issues", "-l", _labels, "-p", _temp.File("nan.csv"));

    [Fact]
    public Task Negative_probability() =>
        AssertBadInput($"labelerrors: {_temp.File("neg.csv", "p0,p1\n1.1,-0.1\n0.2,0.8\n0.6,0.4\n")}: row 2: column 1: probability -0.1 is negative",
            "find-issues", "-l", _labels, "-p", _temp.File("neg.csv"));

    [Fact]
    public Task Rows_not_summing_to_one_suggest_renormalize() =>
        AssertBadInput($"labelerrors: {_temp.File("sum.csv", "0.9,0.1\n0.2,0.7\n0.6,0.4\n")}: row 2: probabilities sum to 0.8999999999999999, not 1 (tolerance 0.0001); --renormalize divides each row by its sum",
            "find-issues", "-l", _labels, "-p", _temp.File("sum.csv"));

    [Fact]
    public async Task Renormalize_accepts_the_same_file()
    {
        var path = _temp.File("sum.csv", "0.9,0.1\n0.2,0.7\n0.6,0.4\n");

        var run = await CliRun.RunAsync("find-issues", "-l", _labels, "-p", path, "--renormalize", "--filter-by", "predicted_neq_given");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2,1,0,0.4", run.OutLines[1]);
    }

    [Fact]
    public Task Label_out_of_range() =>
        AssertBadInput($"labelerrors: {_temp.File("big.csv", "label\n0\n2\n1\n")}: row 3: label 2 is out of range: pred_probs has 2 classes, so labels must be in 0..1",
            "find-issues", "-l", _temp.File("big.csv"), "-p", _probs);

    [Fact]
    public Task Class_names_count_mismatch() =>
        AssertBadInput($"labelerrors: {_temp.File("names.txt", "cat\ndog\nbird\n")}: 3 class names but pred_probs has 2 columns",
            "find-issues", "-l", _labels, "-p", _probs, "--class-names", _temp.File("names.txt"));

    [Fact]
    public Task Only_one_class_in_labels() =>
        AssertBadInput($"labelerrors: {_temp.File("ones.csv", "1\n1\n1\n")}: labels contain only one class (1); at least 2 classes are needed",
            "find-issues", "-l", _temp.File("ones.csv"), "-p", _probs);

    [Fact]
    public Task Empty_labels_file() =>
        AssertBadInput($"labelerrors: {_temp.File("empty.csv", "")}: no labels", "health", "-l", _temp.File("empty.csv"), "-p", _probs);

    [Fact]
    public Task Object_dtype_npy_is_refused()
    {
        var path = _temp.File("obj.npy");
        var header = "{'descr': '|O', 'fortran_order': False, 'shape': (3,), }";
        header += new string(' ', 128 - 10 - header.Length - 1) + "\n";
        File.WriteAllBytes(path, [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. System.Text.Encoding.ASCII.GetBytes(header), 0x80, 0x04]);

        return AssertBadInput($"labelerrors: {path}: object arrays (dtype '|O') are not supported: reading them needs unpickling, which can run arbitrary code; save the array with a numeric dtype",
            "find-issues", "-l", path, "-p", _probs);
    }

    [Fact]
    public Task Unwritable_output_path() =>
        AssertBadInput($"labelerrors: {Path.Combine(_temp.File("no-such-dir"), "out.csv")}: cannot write output (Could not find a part of the path '{Path.Combine(_temp.File("no-such-dir"), "out.csv")}'.)",
            "find-issues", "-l", _labels, "-p", _probs, "--out", Path.Combine(_temp.File("no-such-dir"), "out.csv"));

    [Theory]
    [InlineData(new[] { "find-issues", "-p", "x.npy" }, "labelerrors: Option '--labels' is required (see 'labelerrors --help')")]
    [InlineData(new[] { "find-issues", "-l", "a", "-p", "b", "--frac-noise", "0" }, "labelerrors: --frac-noise must be greater than 0 and at most 1 (see 'labelerrors --help')")]
    [InlineData(new[] { "find-issues", "-l", "a", "-p", "b", "--min-examples-per-class", "-1" }, "labelerrors: --min-examples-per-class must not be negative (see 'labelerrors --help')")]
    [InlineData(new[] { "paper", "-d", "mnist2", "-l", "a", "-p", "b" }, "labelerrors: Argument 'mnist2' not recognized. Must be one of:")]
    [InlineData(new[] { "find-issues", "-l", "a", "-p", "b", "--filter-by", "prune-by-class" }, "labelerrors: Argument 'prune-by-class' not recognized. Must be one of:")]
    [InlineData(new[] { "frobnicate" }, "labelerrors: Required command was not provided; Unrecognized command or argument 'frobnicate' (see")]
    [InlineData(new string[0], "labelerrors: Required command was not provided (see")]
    public async Task Command_line_mistakes_are_one_line_with_exit_code_2(string[] args, string expectedStart)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expectedStart, run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Out);
    }
}
