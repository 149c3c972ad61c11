using System.Diagnostics;
using BenchmarkDotNet.Running;
using LabelErrors.Benchmarks;

if (args.Length > 0 && args[0] == "--quick")
{
    // Stopwatch smoke run for quick iteration; the reported figures come from BenchmarkDotNet.
    var bench = new ConfidentLearningBenchmarks { N = 1_000_000, K = 100 };
    var setup = Stopwatch.StartNew();
    bench.Setup();
    Console.WriteLine($"setup {setup.Elapsed.TotalSeconds:F2} s, working set {Environment.WorkingSet / 1e6:F0} MB");
    for (int r = 0; r < 4; r++)
    {
        var sw = Stopwatch.StartNew();
        int count = bench.FindLabelIssues();
        double find = sw.Elapsed.TotalSeconds;
        sw.Restart();
        bench.QualityScores();
        double scores = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"find_label_issues {find:F3} s ({count} issues), scores {scores:F3} s, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ConfidentLearningBenchmarks).Assembly).Run(args);
