using LabelErrors.Cli;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>Runs the CLI's find-issues in-process on the same files: the reference the upload results must equal.</summary>
public static class CliReference
{
    public static async Task<string> FindIssuesCsvAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.Cli.RunAsync(["find-issues", .. args], new CliContext(stdout, stderr, errorIsTerminal: false));
        Assert.True(exit == 0, $"CLI failed ({exit}): {stderr}");
        return stdout.ToString();
    }
}
