using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The upload's streamed pred_probs check must refuse and accept exactly what the in-memory check does, with the same
/// messages, and must only take the files the core can read in row blocks.
/// </summary>
public sealed class StreamedPredProbsValidationTests : IDisposable
{
    private static readonly int[] Labels = [0, 1, 2, 0, 1, 2];

    private static readonly float[] Probs =
    [
        0.8f, 0.1f, 0.1f, 0.1f, 0.8f, 0.1f, 0.1f, 0.1f, 0.8f,
        0.7f, 0.2f, 0.1f, 0.2f, 0.7f, 0.1f, 0.1f, 0.2f, 0.7f,
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("le-streamed-validation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Cases => new(SameAnswerCases.Keys);

    private static float[] ProbsWith(int index, float value)
    {
        var copy = (float[])Probs.Clone();
        copy[index] = value;
        return copy;
    }

    // name → (labels, pred_probs .npy, class names)
    private static readonly Dictionary<string, (int[] Labels, byte[] Npy, string[]? ClassNames)> SameAnswerCases = new()
    {
        ["valid f4"] = (Labels, NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(Probs)), null),
        ["valid f8 with class names"] = (Labels, NpyBytes.Make("<f8", "(6, 3)", NpyBytes.Float64([.. Probs.Select(p => (double)p)])), ["cat", "dog", "cow"]),
        ["a class without examples"] = ([0, 1, 0, 0, 1, 1], NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(Probs)), ["cat", "dog", "cow"]),
        ["NaN in row 1"] = (Labels, NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(4, float.NaN))), null),
        ["infinity and a later negative"] = (Labels, NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32([.. ProbsWith(16, -0.1f)[..15], float.PositiveInfinity, -0.1f, 0.7f])), null),
        ["row sums to 0.9"] = (Labels, NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(9, 0.6f))), null),
        ["above one"] = (Labels, NpyBytes.Make("<f8", "(6, 3)", NpyBytes.Float64(1.5, -0.25, -0.25, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1)), null),
        ["rows differ from labels"] = (Labels, NpyBytes.Make("<f4", "(3, 3)", NpyBytes.Float32(Probs[..9])), null),
        ["label out of range"] = ([0, 1, 2, 0, 5, 2], NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(Probs)), null),
        ["only one class"] = ([1, 1, 1, 1, 1, 1], NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(Probs)), null),
        ["class-name count"] = (Labels, NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(Probs)), ["cat", "dog"]),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_streamed_check_gives_the_in_memory_answer(string name)
    {
        var (labels, npy, classNames) = SameAnswerCases[name];
        var path = Write("pred_probs.npy", npy);
        var labelsInput = new LabelsInput("labels.npy", labels, FirstRowNumber: 0);

        var inMemory = Answer(() =>
        {
            var inputs = UploadInputs.Validate(labelsInput, UploadInputs.ReadPredProbs(path, "pred_probs.npy"), classNames, "classes.txt");
            return (inputs.ClassCount, inputs.Warnings);
        });
        var streamed = Answer(() =>
            StreamedPredProbsValidation.TryValidate(labelsInput, path, "pred_probs.npy", classNames, "classes.txt", CancellationToken.None)
            ?? throw new InvalidOperationException("the file was not streamed"));

        Assert.Equal(inMemory, streamed);
    }

    [Theory]
    [InlineData("<f2", "(6, 3)", false, 36, true)]
    [InlineData("<f4", "(6, 3)", false, 72, true)]
    [InlineData("<f8", "(6, 3)", false, 144, true)]
    [InlineData("<f4", "(6, 3)", true, 72, false)] // Fortran order: the core's Fortran reader loads it without a transposed copy
    [InlineData(">f4", "(6, 3)", false, 72, false)] // byte-swapped
    [InlineData("<i8", "(6, 3)", false, 144, false)] // integers are widened by the in-memory reader
    [InlineData("<f4", "(6, 3)", false, 40, false)] // truncated
    [InlineData("<f4", "(6, 3, 1)", false, 72, false)] // not 2-D
    [InlineData("<f4", "(6, 1)", false, 24, false)] // one column
    public void Only_complete_C_order_native_float_matrices_are_streamed(string descr, string shape, bool fortran, int dataBytes, bool streamed)
    {
        var path = Write("pred_probs.npy", NpyBytes.Make(descr, shape, new byte[dataBytes], fortran));

        Assert.Equal(streamed, StreamedPredProbsValidation.CanStream(path));
    }

    [Fact]
    public void A_file_that_is_not_npy_is_left_to_the_in_memory_reader()
    {
        var path = Write("pred_probs.npy", "this is not numpy\n"u8.ToArray());

        Assert.False(StreamedPredProbsValidation.CanStream(path));
    }

    [Fact]
    public void A_csv_is_not_streamed()
    {
        var path = Write("pred_probs.csv", "0.5,0.5\n0.5,0.5\n"u8.ToArray());

        Assert.Null(StreamedPredProbsValidation.TryValidate(new LabelsInput("labels.csv", [0, 1], 1), path, "pred_probs.csv", null, null, CancellationToken.None));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // What a caller sees: the class count and warnings, or the refusal's file, message and row.
    private static string Answer(Func<(int ClassCount, IReadOnlyList<string> Warnings)> validate)
    {
        try
        {
            var (classCount, warnings) = validate();
            return $"accepted: {classCount} classes; warnings: {string.Join(" | ", warnings)}";
        }
        catch (LabelErrorsInputException e)
        {
            return $"refused: {e.FileName} / {e.Message} / row {e.Row}";
        }
    }
}
