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
        Measure("find_label_issues predicted_neq_given", () => LabelIssues.Find(bench.Labels, bench.Probs, new FindLabelIssuesOptions { FilterBy = FilterBy.PredictedNeqGiven }));
        Measure("find_label_issues prune_by_class", () => LabelIssues.Find(bench.Labels, bench.Probs, new FindLabelIssuesOptions { FilterBy = FilterBy.PruneByClass }));
        Measure("scores", () => bench.QualityScores());
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }

    return;
}

if (args.Length > 0 && args[0] == "--phases")
{
    // the steps of find_label_issues timed one by one (diagnostic), 4 rounds
    var bench = new ConfidentLearningBenchmarks { N = 1_000_000, K = 100 };
    bench.Setup();
    for (int r = 0; r < 4; r++)
    {
        Console.WriteLine($"round {r + 1}");
        FindPhases.Run(bench.Labels, (PredProbs<float>)bench.Probs, Console.Out);
    }

    return;
}

if (args.Length > 1 && args[0] == "--peak")
{
    // One operation in a fresh process: peak working set relative to the pred_probs buffer.
    var bench = new ConfidentLearningBenchmarks { N = 1_000_000, K = 100 };
    bench.Setup();
    GC.Collect();
    long before = Process.GetCurrentProcess().WorkingSet64;
    object result = args[1] == "find" ? bench.FindLabelIssues() : bench.QualityScores();
    var process = Process.GetCurrentProcess();
    double predProbsMb = 4.0 * bench.N * bench.K / 1e6;
    Console.WriteLine($"{args[1]}: pred_probs {predProbsMb:F0} MB, working set before {before / 1e6:F0} MB, peak {process.PeakWorkingSet64 / 1e6:F0} MB ({process.PeakWorkingSet64 / 1e6 / predProbsMb:F2}x), result {result.GetType().Name}");
    return;
}

if (args.Length == 6 && args[0] == "--generate")
{
    // --generate <pred_probs.npy> <labels.npy> <N> <K> <f2|f4|f8>: a seeded file written in chunks (seed 20211)
    var sw = Stopwatch.StartNew();
    LargePredProbsFile.Write(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), args[5], seed: 20211, Console.Out);
    Console.WriteLine($"generated {args[1]} in {sw.Elapsed.TotalSeconds:F1} s ({new FileInfo(args[1]).Length / 1e9:F2} GB)");
    return;
}

if (args.Length >= 4 && args[0] == "--large")
{
    // --large <stream|memory> <pred_probs.npy> <labels.npy> [rank_by|none] [threads]
    RankBy? rank = args.Length > 4 && args[4] != "none" ? Enum.Parse<RankBy>(args[4].Replace("_", string.Empty), ignoreCase: true) : null;
    int threads = args.Length > 5 ? int.Parse(args[5]) : Environment.ProcessorCount;
    LargeRun.Run(args[1], args[2], args[3], rank, threads, Console.Out);
    return;
}

if (args.Length == 3 && args[0] == "--cli-phases")
{
    // --cli-phases <labels.npy> <pred_probs.npy>: the in-memory steps of `labelerrors find-issues`, timed one by one
    var sw = Stopwatch.StartNew();
    void Phase(string name) { Console.WriteLine($"{name}: {sw.Elapsed.TotalSeconds:F3} s"); sw.Restart(); }
    var labelsInput = LabelErrors.Core.Formats.InputFiles.ReadLabels(args[1]);
    Phase("read labels");
    var probsInput = LabelErrors.Core.Formats.InputFiles.ReadPredProbs(args[2]);
    Phase("read pred_probs");
    var validated = LabelErrors.Core.Validation.InputValidator.Validate(labelsInput, probsInput);
    Phase("validate");
    var p = validated.PredProbs;
    var result = LabelIssues.Find(validated.Labels, p, new FindLabelIssuesOptions { ReturnIndicesRankedBy = RankBy.SelfConfidence });
    Phase("find_label_issues");
    var scores = LabelQuality.Scores(validated.Labels, p);
    Phase("scores (all rows)");
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
