using System.Globalization;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Tests;

/// <summary>--stream gives byte-identical output to the in-memory path; its progress bar goes to stderr only.</summary>
public sealed class StreamingTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Seeded noisy float32 inputs with ties (duplicated rows), rows summing to 1 within float32 tolerance.</summary>
    private (string Labels, string Probs) WriteInputs(int n, int k, int seed)
    {
        var random = new Random(seed);
        var labels = new long[n];
        var probs = new float[n * k];
        for (var i = 0; i < n; i++)
        {
            if (i > 10 && random.NextDouble() < 0.2)
            {
                var source = random.Next(i);
                labels[i] = labels[source];
                probs.AsSpan(source * k, k).CopyTo(probs.AsSpan(i * k, k));
                continue;
            }

            var truth = random.Next(k);
            labels[i] = random.NextDouble() < 0.2 ? random.Next(k) : truth;
            var row = new double[k];
            for (var c = 0; c < k; c++) row[c] = -Math.Log(1 - random.NextDouble()) * (c == truth ? 5 : 1);
            var sum = row.Sum();
            for (var c = 0; c < k; c++) probs[i * k + c] = (float)(row[c] / sum);
        }

        var labelsPath = _temp.File($"labels-{seed}.npy");
        var probsPath = _temp.File($"probs-{seed}.npy");
        Npy.Write(labelsPath, labels, n);
        Npy.Write(probsPath, probs, n, k);
        return (labelsPath, probsPath);
    }

    [Theory]
    [InlineData("self_confidence")]
    [InlineData("normalized_margin")]
    [InlineData("confidence_weighted_entropy")]
    public async Task Find_issues_output_is_the_same_with_and_without_streaming(string rankBy)
    {
        var (labels, probs) = WriteInputs(3000, 6, seed: 1);

        var inMemory = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--rank-by", rankBy);
        var streamed = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--rank-by", rankBy, "--stream");

        Assert.Equal(0, inMemory.ExitCode);
        Assert.Equal(0, streamed.ExitCode);
        Assert.True(inMemory.CsvRows().Length > 50);
        Assert.Equal(inMemory.Out, streamed.Out);
        Assert.Equal("", streamed.Error);
    }

    [Theory]
    [InlineData("mnist")]
    [InlineData("cifar10")]
    [InlineData("imagenet")]
    public async Task Paper_output_is_the_same_with_and_without_streaming(string dataset)
    {
        var (labels, probs) = WriteInputs(3000, 6, seed: 2);

        var inMemory = await CliRun.RunAsync("paper", "-d", dataset, "-l", labels, "-p", probs, "--format", "json");
        var streamed = await CliRun.RunAsync("paper", "-d", dataset, "-l", labels, "-p", probs, "--format", "json", "--stream");

        Assert.Equal(0, inMemory.ExitCode);
        Assert.Equal(0, streamed.ExitCode);
        Assert.True(inMemory.Out.Length > 1000);
        Assert.Equal(inMemory.Out, streamed.Out);
    }

    [Fact]
    public async Task Progress_bar_goes_to_stderr_only_when_asked()
    {
        var (labels, probs) = WriteInputs(2000, 4, seed: 3);
        var plain = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--stream");
        var withBar = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--stream", "--progress");

        Assert.Equal(plain.Out, withBar.Out);
        Assert.Equal("", plain.Error);
        var lines = withBar.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // the row checks run inside the first pass, not in a validation pass of their own
        Assert.DoesNotContain(lines, line => line.Contains("validation", StringComparison.Ordinal));
        // the flagged rows come from the row summaries of pass 1 (no pass for the default ranking); pass 2 reads only
        // the blocks of rows the summaries cannot decide, and still reports every row
        foreach (var pass in new[] { "1/3 thresholds", "2/3 confident joint", "3/3 selection" })
            Assert.Contains(lines, line => line.StartsWith($"labelerrors: pass {pass}", StringComparison.Ordinal) && line.EndsWith("100%", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_rows_are_reported_like_the_in_memory_path()
    {
        var (labels, probs) = WriteInputs(500, 3, seed: 4);
        var matrix = Npy.ReadPredProbs(probs);
        var values = Enumerable.Range(0, 500 * 3).Select(i => (float)matrix[i / 3, i % 3]).ToArray();
        values[300 * 3 + 1] = 0.9f; // row 300 no longer sums to 1
        values[400 * 3] = float.NaN;
        Npy.Write(probs, values, 500, 3);

        var inMemory = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs);
        var streamed = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--stream");

        Assert.Equal((2, 2), (inMemory.ExitCode, streamed.ExitCode));
        Assert.Contains("row 300", inMemory.Error);
        Assert.Equal(inMemory.Error, streamed.Error);
    }

    [Theory]
    [InlineData("prune_by_noise_rate", "--frac-noise", "0.5")]
    [InlineData("prune_by_class", "--min-examples-per-class", "400")]
    [InlineData("both", "--rank-by", "normalized_margin")]
    [InlineData("confident_learning", "--rank-by", "confidence_weighted_entropy")]
    [InlineData("predicted_neq_given", "--rank-by", "self_confidence")]
    [InlineData("low_normalized_margin", "--rank-by", "normalized_margin")]
    [InlineData("low_self_confidence", "--rank-by", "self_confidence")]
    public async Task Every_filter_streams_with_the_same_output(string filter, string option, string value)
    {
        var (labels, probs) = WriteInputs(3000, 6, seed: 7);

        var inMemory = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", filter, option, value);
        var streamed = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", filter, option, value, "--stream");

        Assert.Equal((0, 0), (inMemory.ExitCode, streamed.ExitCode));
        Assert.True(inMemory.CsvRows().Length > 50, $"{filter}: {inMemory.CsvRows().Length} rows");
        Assert.Equal(inMemory.Out, streamed.Out);
        Assert.Equal("", streamed.Error);
    }

    [Fact]
    public async Task Streaming_refuses_renormalize_naming_the_memory_it_would_need()
    {
        var (labels, probs) = WriteInputs(200, 3, seed: 5);

        var renormalize = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--stream", "--renormalize");

        Assert.Equal(2, renormalize.ExitCode);
        // 200 × 3 float32 = 2,400 bytes, twice (the matrix and its renormalized copy)
        Assert.Contains("--renormalize cannot be combined with streaming: it needs the whole matrix in memory, about 0 MB for 200×3", renormalize.Error);
        Assert.Equal("", renormalize.Out);
    }

    [Fact]
    public async Task A_run_whose_class_matrices_cannot_fit_is_refused_naming_the_memory()
    {
        // 3 rows × 400,000 classes: the K×K count matrices alone would be 3 × 8 × 400,000² bytes = 3.8 TB
        const int k = 400_000;
        var probs = _temp.File("wide.npy");
        var values = new float[3 * k];
        for (int r = 0; r < 3; r++) values[r * k + r] = 1;
        Npy.Write(probs, values, 3, k);
        var labels = _temp.File("wide-labels.npy");
        Npy.Write(labels, new long[] { 0, 1, 2 }, 3);

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--stream");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"--filter-by prune_by_noise_rate on 3×400000 needs about 3840\.\d GB of memory even when streaming", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Only_large_float_npy_files_stream_automatically()
    {
        var (_, probs) = WriteInputs(100, 3, seed: 6);
        var choice = new Input.StreamingChoice();
        var command = new System.CommandLine.Command("x");
        choice.AddTo(command);

        Assert.False(choice.ShouldStream(command.Parse([]), probs));
        Assert.True(choice.ShouldStream(command.Parse(["--stream"]), probs));
        Assert.True(Input.StreamingChoice.AutomaticThresholdBytes <= 1L << 30);
        _ = CultureInfo.InvariantCulture;
    }

    [Fact]
    public void A_mid_sized_file_streams_only_when_the_options_allow_it()
    {
        // A valid float32 header, then a sparse tail: the rule looks at the size and the dtype only.
        var rows = (Input.StreamingChoice.PreferredThresholdBytes / (4 * 100)) + 1;
        var probs = _temp.File("mid.npy");
        using (var stream = File.Create(probs))
        {
            Npy.WriteHeader(stream, "<f4", rows, 100);
            stream.SetLength(stream.Length + rows * 100 * 4);
        }
        var choice = new Input.StreamingChoice();
        var command = new System.CommandLine.Command("x");
        choice.AddTo(command);

        Assert.True(choice.ShouldStream(command.Parse([]), probs));
        Assert.False(choice.ShouldStream(command.Parse([]), probs, canStream: false));
        Assert.False(choice.ShouldStream(command.Parse(["--in-memory"]), probs));
        Assert.True(choice.ShouldStream(command.Parse(["--stream", "--in-memory"]), probs));
    }
}
