using LabelErrors.Tests.Shared;

namespace LabelErrors.Cli.Tests;

public sealed class ImportCommandTests
{
    private static string Assets => Path.Combine(RepositoryPaths.Root, "wwwroot-assets");

    [Fact]
    public async Task Imports_into_a_fresh_database_then_reports_up_to_date()
    {
        await using var database = await TestDatabase.CreateAsync();

        var first = await CliRun.RunAsync("import", "-c", database.ConnectionString, "--assets", Assets, "-d", "amazon", "-d", "quickdraw");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(["quickdraw\timported 2500 examples", "amazon\timported 1000 examples"], first.OutLines.Select(l => l[..l.IndexOf(" in ", StringComparison.Ordinal)]));
        Assert.Contains("amazon imported 1000 examples (1000 mTurk-checked, 732 validated errors", first.Error);

        var second = await CliRun.RunAsync("import", "-c", database.ConnectionString, "--assets", Assets, "-d", "amazon", "-d", "quickdraw");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(["quickdraw\tup to date", "amazon\tup to date"], second.OutLines);
    }

    [Fact]
    public async Task A_failed_dataset_is_named_and_sets_the_exit_code()
    {
        await using var database = await TestDatabase.CreateAsync();
        var empty = Directory.CreateTempSubdirectory("labelerrors-assets-").FullName;
        try
        {
            var run = await CliRun.RunAsync("import", "-c", database.ConnectionString, "--assets", empty, "-d", "amazon");
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("amazon\tFAILED: label-errors/classes.json: missing (neither the file nor its .gz is bundled)", Assert.Single(run.OutLines).TrimEnd('\r'));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Without_a_database_it_says_how_to_give_one()
    {
        var previous = Environment.GetEnvironmentVariable("ConnectionStrings__LabelErrors");
        Environment.SetEnvironmentVariable("ConnectionStrings__LabelErrors", null);
        try
        {
            var run = await CliRun.RunAsync("import");
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("--connection", run.Error);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__LabelErrors", previous);
        }
    }
}
