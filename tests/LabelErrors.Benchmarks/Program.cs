using System.Diagnostics;
using BenchmarkDotNet.Running;
using LabelErrors.Benchmarks;
using LabelErrors.Core.ConfidentLearning;

if (args.Length > 0 && args[0] == "--quick")
{
    // Stopwatch smoke run for quick iteration (wall and process CPU time); reported figures come from BenchmarkDotNet.
    var bench = new ConfidentLearningBenchmarks { N = 1_000_000, K = 100 };
    var setup = Stopwatch.StartNew();
    bench.Setup();
    Console.WriteLine($"setup {setup.Elapsed.TotalSeconds:F2} s, working set {Environment.WorkingSet / 1e6:F0} MB");
    for (int r = 0; r < 4; r++)
    {
        Measure("confident joint", () => ConfidentJoint.Compute(bench.Labels, bench.Probs));
        Measure("find_label_issues", () => bench.FindLabelIssues());
        Measure("scores", () => bench.QualityScores());
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ConfidentLearningBenchmarks).Assembly).Run(args);

static void Measure(string what, Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    action();
    double wall = sw.Elapsed.TotalSeconds;
    process.Refresh();
    Console.WriteLine($"{what}: wall {wall:F3} s, cpu {(process.TotalProcessorTime - cpu).TotalSeconds:F3} s");
}
