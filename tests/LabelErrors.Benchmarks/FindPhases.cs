using System.Diagnostics;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Benchmarks;

/// <summary>
/// The steps of in-memory find_label_issues (prune_by_noise_rate, no ranking) timed one by one, in the order
/// <c>LabelIssues.Find</c> runs them, to see where the time goes. Diagnostic only: the figures to report are the
/// whole call's (BenchmarkDotNet or --quick).
/// </summary>
internal static class FindPhases
{
    public static void Run(int[] labels, PredProbs<float> p, TextWriter output)
    {
        int k = p.K;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var total = Stopwatch.StartNew();
        void Phase(string name)
        {
            process.Refresh();
            var now = process.TotalProcessorTime;
            output.WriteLine($"  {name}: wall {sw.Elapsed.TotalMilliseconds:F1} ms, cpu {(now - cpu).TotalMilliseconds:F0} ms");
            cpu = now;
            sw.Restart();
        }

        InputChecks.ValidateLabels(labels, p, allowOneClass: false);
        var labelCounts = ConfidentJoint.LabelCounts(labels, k);
        Phase("label checks and counts");
        var thresholds = ConfidentThresholds.Compute(labels, p, out bool allClassesPresent);
        Phase("thresholds (self-confidence gather, class means)");
        var guesses = ConfidentGuesses.Compute(p, thresholds, compareInFloat64: !allClassesPresent, out var scan);
        InputChecks.ValidateValues(scan, p);
        Phase("guesses and value scan (pass over the matrix)");
        var (joint, _) = ConfidentJoint.Count(labels, guesses, k);
        for (int c = 0; c < k; c++) joint[c, c] = Math.Max(joint[c, c], 1);
        Phase("confident joint count");
        joint = ConfidentJoint.Calibrate(joint, labelCounts);
        var pruneCounts = PruneCounts.KeepAtLeastNPerClass(joint, 1, 1.0);
        Phase("calibration and prune counts");
        var mask = NoiseRatePruning.Run(labels, p, pruneCounts, 1);
        Phase("noise-rate selection (pass over the matrix)");
        int flagged = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            if (mask[i] && !ClassPruning.IsPredictedAsGiven(p.Row(i), labels[i])) flagged++;
        }

        Phase("reduce issues (flagged rows)");
        output.WriteLine($"  total {total.Elapsed.TotalMilliseconds:F1} ms, {flagged} issues");
    }
}
