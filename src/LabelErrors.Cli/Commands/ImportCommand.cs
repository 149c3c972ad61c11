using System.CommandLine;
using LabelErrors.Core.Content;
using LabelErrors.Core.Study;
using LabelErrors.Data;
using LabelErrors.Data.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LabelErrors.Cli.Commands;

/// <summary>
/// <c>import</c>: the study's ten test sets into PostgreSQL, as the site does at start (same importer: one transaction
/// per dataset, skipped when already imported from the same sources; a failed dataset does not stop the others).
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = "PostgreSQL connection string (default: the ConnectionStrings__LabelErrors environment variable).",
        };
        var assetsRoot = new Option<DirectoryInfo?>("--assets")
        {
            Description = "Folder with the bundled study data (default: the nearest wwwroot-assets above the tool or the current folder).",
        };
        var datasets = new Option<string[]>("--dataset", "-d")
        {
            Description = "Only these datasets (repeatable; default: all ten).",
            AllowMultipleArgumentsPerToken = true,
        };
        datasets.AcceptOnlyFromAmong([.. StudyCatalogue.All.Select(d => d.Slug)]);
        var noMigrate = new Option<bool>("--no-migrate") { Description = "Do not apply pending database migrations first." };

        var command = new Command("import", "Import the label-errors study's ten test sets into the site's PostgreSQL database.");
        command.Options.Add(connection);
        command.Options.Add(assetsRoot);
        command.Options.Add(datasets);
        command.Options.Add(noMigrate);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var connectionString = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__LabelErrors");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                context.Error.WriteLine("labelerrors: no database: pass --connection or set ConnectionStrings__LabelErrors");
                return ExitCodes.BadInput;
            }
            var assets = parseResult.GetValue(assetsRoot) is { } folder
                ? (folder.Exists ? new BundledAssets(folder.FullName) : null)
                : BundledAssets.FindFrom(AppContext.BaseDirectory) ?? BundledAssets.FindFrom(Environment.CurrentDirectory);
            if (assets is null)
            {
                context.Error.WriteLine("labelerrors: study data folder not found: pass --assets <wwwroot-assets folder>");
                return ExitCodes.BadInput;
            }

            await using var services = new ServiceCollection()
                .AddLogging(logging => logging.AddProvider(new ErrorWriterLoggerProvider(context.Error)).SetMinimumLevel(LogLevel.Information)
                    .AddFilter("Microsoft", LogLevel.Warning)
                    // EF logs the expected "no migrations table yet" query of a fresh database as an error.
                    .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None))
                .AddLabelErrorsData(_ => connectionString)
                .BuildServiceProvider();
            if (!parseResult.GetValue(noMigrate))
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);

            var selected = parseResult.GetValue(datasets) is { Length: > 0 } only ? only : null;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcomes = await services.GetRequiredService<StudyImporter>().ImportAsync(assets, selected, cancellationToken);
            foreach (var outcome in outcomes)
            {
                var detail = outcome.Status switch
                {
                    DatasetImportStatus.Imported => $"imported {outcome.ExampleCount} examples in {outcome.Duration.TotalSeconds:F1} s",
                    DatasetImportStatus.UpToDate => "up to date",
                    _ => $"FAILED: {outcome.Problem}",
                };
                context.Out.WriteLine($"{outcome.Slug}\t{detail}");
            }
            context.Error.WriteLine($"labelerrors: import finished in {clock.Elapsed.TotalSeconds:F1} s");
            return outcomes.Any(o => o.Status == DatasetImportStatus.Failed) ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The importer's progress lines on stderr, one per message, like the tool's other messages.</summary>
    private sealed class ErrorWriterLoggerProvider(TextWriter error) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (error)
                error.WriteLine($"labelerrors: {formatter(state, exception)}");
        }
    }
}
