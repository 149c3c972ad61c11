using System.Globalization;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Validation;

/// <summary>
/// Checks user inputs before any algorithm runs, failing with a one-line <see cref="LabelErrorsInputException"/>.
/// For arrays the row in a message is the 0-based example index (the same index the outputs use);
/// for text files it is the 1-based line number.
/// Missing classes: cleanlab 2.9 (<c>assert_valid_inputs</c>, <c>allow_missing_classes=True</c> in
/// find_label_issues) accepts classes that no example is labelled with, but needs at least 2 distinct labels;
/// this validator does the same and reports each missing class as a warning.
/// </summary>
public static class InputValidator
{
    public static ValidatedInputs Validate(
        LabelsInput labels,
        PredProbsInput predProbs,
        IReadOnlyList<string>? classNames = null,
        string? classNamesFile = null,
        ValidationOptions? options = null)
    {
        options ??= new ValidationOptions();
        var matrix = predProbs.Matrix;
        var n = labels.Labels.Length;
        var k = matrix.K;

        if (n == 0)
            throw new LabelErrorsInputException(labels.FileName, "labels are empty");
        RequirePredProbsShape(predProbs.FileName, [matrix.N, k]);
        if (matrix.N != n)
            throw new LabelErrorsInputException(predProbs.FileName,
                $"pred_probs has {matrix.N} rows but {labels.FileName} has {n} labels; both must describe the same examples in the same order");
        if (classNames is not null && classNames.Count != k)
            throw new LabelErrorsInputException(classNamesFile ?? "class names",
                $"{classNames.Count} class names but pred_probs has {k} columns");

        var checkedMatrix = CheckProbabilities(predProbs, options);
        var warnings = CheckLabelsAndClasses(labels, k, classNames);
        return new ValidatedInputs(labels.Labels, checkedMatrix, classNames, warnings);
    }

    /// <summary>
    /// The pred_probs checks of <see cref="Validate"/> alone (shape, finite, range, row sums, renormalization), for
    /// inputs whose labels are checked elsewhere (multi-annotator labels: <see cref="AnnotatorLabelsValidator"/>).
    /// </summary>
    public static PredProbs ValidatePredProbs(PredProbsInput predProbs, ValidationOptions? options = null)
    {
        RequirePredProbsShape(predProbs.FileName, [predProbs.Matrix.N, predProbs.Matrix.K]);
        return CheckProbabilities(predProbs, options ?? new ValidationOptions());
    }

    /// <summary>Label range, at least two classes present, and a warning for classes without examples.</summary>
    internal static List<string> CheckLabelsAndClasses(LabelsInput labels, int k, IReadOnlyList<string>? classNames)
    {
        var counts = CheckLabels(labels, k);

        var present = counts.Count(c => c > 0);
        if (present < 2)
            throw new LabelErrorsInputException(labels.FileName,
                $"labels contain only one class ({ClassText(Array.FindIndex(counts, c => c > 0), classNames)}); at least 2 classes are needed");

        var warnings = new List<string>();
        var missing = Enumerable.Range(0, k).Where(c => counts[c] == 0).ToList();
        if (missing.Count > 0)
        {
            // One line however many classes are missing; a 1000-class dataset should not flood stderr.
            const int shown = 10;
            var listed = string.Join(", ", missing.Take(shown).Select(c => ClassText(c, classNames)));
            var more = missing.Count > shown ? $" and {missing.Count - shown} more" : "";
            warnings.Add(missing.Count == 1
                ? $"{labels.FileName}: class {listed} has no examples"
                : $"{labels.FileName}: {missing.Count} classes have no examples: {listed}{more}");
        }

        return warnings;
    }

    private static int[] CheckLabels(LabelsInput labels, int k)
    {
        var counts = new int[k];
        for (var i = 0; i < labels.Labels.Length; i++)
        {
            var label = labels.Labels[i];
            if (label < 0 || label >= k)
                throw new LabelErrorsInputException(labels.FileName,
                    $"label {label} is out of range: pred_probs has {k} classes, so labels must be in 0..{k - 1}", labels.RowNumber(i));
            counts[label]++;
        }
        return counts;
    }

    private static PredProbs CheckProbabilities(PredProbsInput input, ValidationOptions options)
    {
        var matrix = input.Matrix;
        var tolerance = RowSumTolerance.For(matrix.Precision);

        // row blocks in parallel; each block stops at its first problem and the earliest one is reported, which is
        // the row a sequential check would have stopped at
        const int blockRows = 16_384;
        int blocks = (matrix.N + blockRows - 1) / blockRows;
        var problems = new (int Row, string Message)?[blocks];
        var aboveOneLimit = RowPreCheck.AboveOneLimit(options);
        int columns = matrix.K;
        Parallel.For(0, blocks, b =>
        {
            var row = new double[columns];
            var widened = matrix is PredProbs<Half> ? new float[columns] : null;
            int end = Math.Min(matrix.N, (b + 1) * blockRows);
            for (var r = b * blockRows; r < end; r++)
            {
                // float16 rows widened to float a vector at a time (exact): the same values, so the same pre-check
                if (matrix is PredProbs<Half> halves)
                {
                    HalfWidening.ToSingle(halves.Row(r), widened);
                    if (RowPreCheck.IsCertainlyValid(widened, tolerance, aboveOneLimit))
                        continue;
                }
                // the common valid row is accepted by the vectorised pre-check; any other gets the exact check and message
                if (matrix is PredProbs<float> singles && RowPreCheck.IsCertainlyValid(singles.Row(r), tolerance, aboveOneLimit))
                    continue;
                if (matrix is PredProbs<double> doubles && RowPreCheck.IsCertainlyValid(doubles.Row(r), tolerance, aboveOneLimit))
                    continue;
                matrix.CopyRow(r, row);
                if (CheckRow(row, tolerance, options) is { } problem)
                {
                    problems[b] = (r, problem);
                    return;
                }
            }
        });
        foreach (var problem in problems)
        {
            if (problem is { } p)
                throw new LabelErrorsInputException(input.FileName, p.Message, input.RowNumber(p.Row));
        }

        return options.Renormalize ? RowNormalization.Normalize(matrix) : matrix;
    }

    /// <summary>The problem with one pred_probs row (widened to double), or null when it is fine.</summary>
    internal static string? CheckRow(ReadOnlySpan<double> row, double tolerance, ValidationOptions options)
    {
        var sum = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            var value = row[c];
            if (!double.IsFinite(value))
                return $"column {c}: value {Show(value)} is not a finite number";
            if (value < 0)
                return $"column {c}: probability {Show(value)} is negative";
            sum += value;
        }

        if (Math.Abs(sum - 1) <= tolerance)
            return CheckNotAboveOne(row, options);
        if (!options.Renormalize)
            return $"probabilities sum to {Show(sum)}, not 1 (tolerance {Show(tolerance)}); --renormalize divides each row by its sum";
        if (sum == 0)
            return "all probabilities are 0, so the row cannot be renormalized";
        return null;
    }

    // Same margin as the algorithms' own range check, so that validated inputs are never refused later.
    internal const double AboveOneMargin = 1e-6;

    private static string? CheckNotAboveOne(ReadOnlySpan<double> row, ValidationOptions options)
    {
        if (options.Renormalize || options.AllowValuesAboveOne)
            return null;
        for (var c = 0; c < row.Length; c++)
            if (row[c] > 1 + AboveOneMargin)
                return $"column {c}: probability {Show(row[c])} is greater than 1; --renormalize divides each row by its sum";
        return null;
    }

    private static string ClassText(int index, IReadOnlyList<string>? classNames) =>
        classNames is null ? index.ToString(CultureInfo.InvariantCulture) : $"{index} '{classNames[index]}'";

    // Python spellings for non-finite values: users compare them with what numpy prints.
    private static string Show(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static void RequireLabelsShape(string fileName, IReadOnlyList<long> shape)
    {
        if (shape.Count != 1)
            throw new LabelErrorsInputException(fileName, $"labels must be a 1-D array, got shape {NpyHeader.FormatShape(shape)}");
        if (shape[0] == 0)
            throw new LabelErrorsInputException(fileName, "labels are empty");
    }

    public static void RequirePredProbsShape(string fileName, IReadOnlyList<long> shape)
    {
        if (shape.Count != 2)
            throw new LabelErrorsInputException(fileName, $"pred_probs must be a 2-D array (examples × classes), got shape {NpyHeader.FormatShape(shape)}");
        if (shape[0] == 0)
            throw new LabelErrorsInputException(fileName, "pred_probs has no rows");
        if (shape[1] < 2)
            throw new LabelErrorsInputException(fileName, $"pred_probs must have at least 2 columns (classes), got {shape[1]}");
    }
}
