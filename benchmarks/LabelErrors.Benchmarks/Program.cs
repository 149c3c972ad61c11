using BenchmarkDotNet.Running;
using LabelErrors.Benchmarks;

// "seed <connection string> <slug>…" imports study datasets for the load scripts; "stopwatch [N]" times cold renders
// quickly; anything else goes to BenchmarkDotNet (e.g. --filter '*').
if (args.Length >= 2 && args[0] == "seed")
    return await StudySeed.RunAsync(args[1], args[2..]);

if (args.Length >= 1 && args[0] == "stopwatch")
    return ColdRenderStopwatch.Run(args.Length > 1 ? int.Parse(args[1]) : 500);

BenchmarkSwitcher.FromAssembly(typeof(ColdRenderBenchmarks).Assembly).Run(args);
return 0;
