using System.Diagnostics;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Cli;

/// <summary>
/// A progress bar on stderr for the passes of a streaming computation: redrawn in place on a terminal (at most
/// 10 times a second), one line per 10% otherwise. Never writes to stdout.
/// </summary>
public sealed class ProgressBar(TextWriter error, bool inPlace) : IProgress<StreamingProgress>
{
    private const int Width = 30;
    private readonly object _gate = new();
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private (int Pass, string Stage) _current;
    private int _lastTenth = -1;
    private bool _lineOpen;

    public void Report(StreamingProgress value)
    {
        lock (_gate)
        {
            // a validation pass and the computation each count their passes from 1: the stage tells them apart
            bool newPass = (value.Pass, value.Stage) != _current;
            if (newPass)
            {
                if (_lineOpen) error.WriteLine();
                _lineOpen = false;
                _current = (value.Pass, value.Stage);
                _lastTenth = -1;
            }

            double fraction = value.RowsTotal == 0 ? 1 : (double)value.RowsDone / value.RowsTotal;
            bool done = value.RowsDone >= value.RowsTotal;
            if (inPlace)
            {
                if (!newPass && !done && _sinceDraw.ElapsedMilliseconds < 100) return;
                _sinceDraw.Restart();
                error.Write($"\r{Line(value, fraction)}");
                _lineOpen = true;
                if (done)
                {
                    error.WriteLine();
                    _lineOpen = false;
                }
            }
            else
            {
                int tenth = (int)(fraction * 10);
                if (tenth <= _lastTenth) return;
                _lastTenth = tenth;
                error.WriteLine(Line(value, fraction));
            }

            error.Flush();
        }
    }

    private static string Line(StreamingProgress value, double fraction)
    {
        int filled = (int)Math.Round(fraction * Width);
        int percent = (int)(fraction * 100);
        return $"labelerrors: pass {value.Pass}/{value.Passes} {value.Stage,-16} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%";
    }
}
