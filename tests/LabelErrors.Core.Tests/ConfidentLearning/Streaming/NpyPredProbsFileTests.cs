using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Tests.ConfidentLearning.Streaming;

public sealed class NpyPredProbsFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("npy-stream-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(FloatPrecision.Float16)]
    [InlineData(FloatPrecision.Float32)]
    [InlineData(FloatPrecision.Float64)]
    public void Streaming_from_a_file_equals_the_in_memory_path(FloatPrecision precision)
    {
        var (labels, p) = TiedData.Make(2000, 5, seed: 12, precision);
        string path = Path.Combine(_directory, $"p-{precision}.npy");
        switch (p)
        {
            case PredProbs<double> d: Npy.Write(path, d.Data, d.N, d.K); break;
            case PredProbs<float> f: Npy.Write(path, f.Data, f.N, f.K); break;
            case PredProbs<Half> h: Npy.Write(path, h.Data, h.N, h.K); break;
        }

        using var file = NpyPredProbsFile.Open(path);
        Assert.Equal((p.N, p.K, p.Precision), (file.N, file.K, file.Precision));
        var options = new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.NormalizedMargin };
        var expected = LabelIssues.Find(labels, p, options);
        var actual = StreamingLabelIssues.Find(labels, file, options, new StreamingOptions { BlockRows = 33, MaxDegreeOfParallelism = 3 });
        Assert.True(actual.Count > 10);
        StreamingAssert.SameIssues(labels, p, options, expected, actual, "file");
    }

    [Fact]
    public void Integer_and_truncated_files_are_refused()
    {
        string ints = Path.Combine(_directory, "ints.npy");
        Npy.Write(ints, new long[6], 3, 2);
        Assert.Throws<LabelErrorsInputException>(() => NpyPredProbsFile.Open(ints));

        string truncated = Path.Combine(_directory, "truncated.npy");
        Npy.Write(truncated, new float[6], 3, 2);
        using (var stream = new FileStream(truncated, FileMode.Open)) stream.SetLength(stream.Length - 4);
        var e = Assert.Throws<LabelErrorsInputException>(() => NpyPredProbsFile.Open(truncated));
        Assert.Contains("truncated", e.Message);
    }
}
