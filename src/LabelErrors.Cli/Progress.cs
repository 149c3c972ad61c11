using System.Diagnostics;

namespace LabelErrors.Cli;

/// <summary>
/// Stage-by-stage progress on stderr, shown only when stderr is a terminal or the input is large,
/// so that scripted runs on small inputs keep a clean stderr.
/// </summary>
public sealed class Progress(CliContext context)
{
    /// <summary>Inputs with at least this many examples always get progress lines.</summary>
    public const int LargeExampleCount = 100_000;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _large;

    public void SetExampleCount(int n) => _large = n >= LargeExampleCount;

    public void Report(string stage)
    {
        if (context.ErrorIsTerminal || _large)
            context.Error.WriteLine($"labelerrors: [{_clock.Elapsed:mm\\:ss}] {stage}");
    }
}
