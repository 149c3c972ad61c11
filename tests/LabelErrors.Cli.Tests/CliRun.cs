using System.Globalization;

namespace LabelErrors.Cli.Tests;

/// <summary>Runs the tool in-process and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await Cli.RunAsync(args, stdout, stderr);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>CSV data rows (header checked and dropped), split into fields.</summary>
    public string[][] CsvRows()
    {
        Assert.Equal("index,given_label,suggested_label,label_quality", OutLines[0]);
        return OutLines.Skip(1).Select(line => line.Split(',')).ToArray();
    }
}
