using System.Diagnostics;
using System.Security.Cryptography;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;

namespace LabelErrors.Benchmarks;

/// <summary>
/// One find_label_issues run on a generated file, in a fresh process so the peak resident set (VmHWM) belongs to it:
/// <c>stream</c> reads the file in blocks, <c>memory</c> loads it whole first. Prints wall times, VmHWM and a digest of
/// the output, so the two modes can be checked for identical results on inputs too big for the unit tests.
/// </summary>
internal static class LargeRun
{
    public static void Run(string mode, string predProbsPath, string labelsPath, RankBy? rankBy, int threads, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        var labels = Npy.ReadLabels(labelsPath);
        var options = new FindLabelIssuesOptions { ReturnIndicesRankedBy = rankBy };
        double loadSeconds, findSeconds;
        int count;
        int[] output;
        int k;
        string dtype;
        if (mode == "stream")
        {
            using var source = NpyPredProbsFile.Open(predProbsPath);
            k = source.K;
            dtype = source.Precision.ToString();
            loadSeconds = total.Elapsed.TotalSeconds;
            var find = Stopwatch.StartNew();
            var passes = new PassTimes(log);
            var result = StreamingLabelIssues.Find(labels, source, options, new StreamingOptions { MaxDegreeOfParallelism = threads, Progress = passes });
            passes.Finish();
            findSeconds = find.Elapsed.TotalSeconds;
            count = result.Count;
            output = result.RankedIndices ?? result.Issues.Select(issue => issue.Index).ToArray();
        }
        else if (mode == "memory")
        {
            var p = Npy.ReadPredProbs(predProbsPath);
            k = p.K;
            dtype = p.Precision.ToString();
            loadSeconds = total.Elapsed.TotalSeconds;
            var find = Stopwatch.StartNew();
            var result = LabelIssues.Find(labels, p, options);
            findSeconds = find.Elapsed.TotalSeconds;
            count = result.Count;
            output = result.RankedIndices ?? Enumerable.Range(0, result.Mask.Length).Where(i => result.Mask[i]).ToArray();
        }
        else
        {
            throw new ArgumentException($"mode {mode}: use stream or memory");
        }

        log.WriteLine(
            $"{mode}: N={labels.Length:N0} K={k} {dtype} rank={(rankBy?.ToString() ?? "none")} threads={threads} " +
            $"load {loadSeconds:F2} s, find {findSeconds:F2} s, total {total.Elapsed.TotalSeconds:F2} s, " +
            $"VmHWM {PeakResidentMegabytes():F0} MB, issues {count:N0}, digest {Digest(output)}");
    }

    /// <summary>Peak resident set size of this process (Linux /proc/self/status VmHWM), in MB.</summary>
    public static double PeakResidentMegabytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path)) return Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        foreach (string line in File.ReadLines(path))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]);
            return kilobytes * 1024 / 1e6;
        }

        return double.NaN;
    }

    /// <summary>Prints the wall time of each pass when the next one starts.</summary>
    private sealed class PassTimes(TextWriter log) : IProgress<StreamingProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<string> _times = [];
        private string? _stage;

        public void Report(StreamingProgress value)
        {
            lock (_times)
            {
                if (value.Stage == _stage) return;
                Lap();
                _stage = value.Stage;
            }
        }

        public void Finish()
        {
            Lap();
            log.WriteLine("  passes: " + string.Join(", ", _times));
        }

        private void Lap()
        {
            if (_stage is not null) _times.Add($"{_stage} {_clock.Elapsed.TotalSeconds:F2} s");
            _clock.Restart();
        }
    }

    private static string Digest(int[] indices)
    {
        var bytes = new byte[indices.Length * sizeof(int)];
        Buffer.BlockCopy(indices, 0, bytes, 0, bytes.Length);
        return Convert.ToHexString(SHA256.HashData(bytes))[..16];
    }
}
