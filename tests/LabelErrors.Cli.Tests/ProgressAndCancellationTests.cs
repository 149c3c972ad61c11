using System.Globalization;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Tests;

public sealed class ProgressAndCancellationTests : IDisposable
{
    private readonly TempDir _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Labels, string Probs) WriteInputs(int n)
    {
        var labels = new long[n];
        var probs = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            probs[2 * i] = i % 7 == 0 ? 0.3 : 0.9; // every 7th example disagrees with an even label
            probs[2 * i + 1] = 1 - probs[2 * i];
        }
        var labelsPath = _temp.File("labels.npy");
        var probsPath = _temp.File("probs.npy");
        Npy.Write(labelsPath, labels, n);
        Npy.Write(probsPath, probs, n, 2);
        return (labelsPath, probsPath);
    }

    [Fact]
    public async Task Large_inputs_report_progress_on_stderr_even_when_it_is_not_a_terminal()
    {
        var (labels, probs) = WriteInputs(Progress.LargeExampleCount);

        var run = await CliRun.RunAsync("find-issues", "-l", labels, "-p", probs, "--filter-by", "predicted_neq_given");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("labelerrors: [", run.Error);
        Assert.Contains("finding label issues (predicted_neq_given)", run.Error);
        Assert.DoesNotContain("labelerrors: [", run.Out);
    }

    [Fact]
    public async Task Small_inputs_keep_stderr_quiet_unless_it_is_a_terminal()
    {
        var (labels, probs) = WriteInputs(1000);
        var quiet = new StringWriter(CultureInfo.InvariantCulture);
        var terminal = new StringWriter(CultureInfo.InvariantCulture);

        var exitQuiet = await Cli.RunAsync(["health", "-l", labels, "-p", probs], new CliContext(TextWriter.Null, quiet, errorIsTerminal: false));
        var exitTerminal = await Cli.RunAsync(["health", "-l", labels, "-p", probs], new CliContext(TextWriter.Null, terminal, errorIsTerminal: true));

        Assert.Equal((0, 0), (exitQuiet, exitTerminal));
        Assert.Equal("", quiet.ToString());
        Assert.Contains("reading pred_probs from", terminal.ToString());
    }

    [Fact]
    public async Task Cancelled_run_exits_130_with_one_line()
    {
        var (labels, probs) = WriteInputs(1000);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exit = await Cli.RunAsync(["find-issues", "-l", labels, "-p", probs], new CliContext(TextWriter.Null, stderr, false), cancelled.Token);

        Assert.Equal(ExitCodes.Cancelled, exit);
        Assert.Equal("labelerrors: cancelled" + Environment.NewLine, stderr.ToString());
    }
}
