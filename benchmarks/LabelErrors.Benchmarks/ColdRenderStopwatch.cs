using System.Diagnostics;

namespace LabelErrors.Benchmarks;

/// <summary>
/// A quick alternative to BenchmarkDotNet on a shared machine: renders each case N times on one thread and reports
/// wall-clock and CPU time per render (CPU time is what the render costs; wall time includes waiting for a core).
/// </summary>
public static class ColdRenderStopwatch
{
    public static int Run(int iterations)
    {
        var benchmarks = new ColdRenderBenchmarks();
        benchmarks.Setup();
        var cases = new (string Name, Func<byte[]> Render)[]
        {
            ("MNIST 28x28 -> 256 px PNG", benchmarks.Mnist256),
            ("MNIST 28x28 -> 512 px PNG", benchmarks.Mnist512),
            ("CIFAR-10 JPEG 32x32 -> 256 px PNG", benchmarks.Cifar256),
            ("og card 1200x630 (MNIST, no text)", benchmarks.OgCardMnist),
        };
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {LoadAverage()}; {iterations} renders per case after 50 warm-up renders");
        Console.WriteLine($"{"case",-36} {"wall ms/render",15} {"CPU ms/render",14} {"median wall ms",15}");
        foreach (var (name, render) in cases)
        {
            for (var i = 0; i < 50; i++)
                render();
            var samples = new double[iterations];
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var total = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                var one = Stopwatch.StartNew();
                render();
                samples[i] = one.Elapsed.TotalMilliseconds;
            }
            total.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
            Array.Sort(samples);
            Console.WriteLine($"{name,-36} {total.Elapsed.TotalMilliseconds / iterations,15:0.000} {cpu,14:0.000} {samples[iterations / 2],15:0.000}");
        }
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
