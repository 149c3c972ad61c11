using BenchmarkDotNet.Attributes;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Benchmarks;

/// <summary>find_label_issues (defaults) and label quality scores on 1,000,000 × 100 float32 pred_probs.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ConfidentLearningBenchmarks
{
    private int[] _labels = [];
    private PredProbs _predProbs = null!;

    internal int[] Labels => _labels;

    internal PredProbs Probs => _predProbs;

    [Params(1_000_000)]
    public int N { get; set; }

    [Params(100)]
    public int K { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (labels, probs) = SyntheticPredProbs.Make(N, K, seed: 777);
        _labels = labels;
        _predProbs = PredProbs.FromSingle(probs, N, K);
    }

    [Benchmark(Description = "find_label_issues (prune_by_noise_rate)")]
    public int FindLabelIssues() => LabelIssues.Find(_labels, _predProbs).Count;

    [Benchmark(Description = "get_label_quality_scores (self_confidence)")]
    public double[] QualityScores() => LabelQuality.Scores(_labels, _predProbs);

    [Benchmark(Description = "get_label_quality_scores (normalized_margin)")]
    public double[] NormalizedMarginScores() => LabelQuality.Scores(_labels, _predProbs, ScoreMethod.NormalizedMargin);
}
