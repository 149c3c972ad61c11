using LabelErrors.Core.Content;
using LabelErrors.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LabelErrors.Data.Tests.Import;

public sealed class ImportRobustnessTests
{
    private static readonly string[] SmallSets = ["mnist", "cifar10", "quickdraw", "amazon"];

    [Fact]
    public async Task A_second_run_imports_nothing_and_changes_nothing()
    {
        await using var harness = await ImportHarness.CreateAsync();
        var first = await harness.Importer.ImportAsync(ImportHarness.RepositoryAssets, SmallSets, CancellationToken.None);
        Assert.All(first, o => Assert.Equal(DatasetImportStatus.Imported, o.Status));
        var before = await SnapshotAsync(harness);

        var second = await harness.Importer.ImportAsync(ImportHarness.RepositoryAssets, SmallSets, CancellationToken.None);

        Assert.All(second, o => Assert.Equal(DatasetImportStatus.UpToDate, o.Status));
        Assert.Equal(before, await SnapshotAsync(harness));
    }

    [Fact]
    public async Task Changed_sources_are_imported_again_in_place()
    {
        await using var harness = await ImportHarness.CreateAsync();
        using var copy = AssetsCopy.Of(ImportHarness.RepositoryAssets);
        await harness.Importer.ImportAsync(copy.Assets, ["mnist"], CancellationToken.None);
        await using (var db = await harness.ContextAsync())
            await db.Datasets.Where(d => d.Slug == "mnist").ExecuteUpdateAsync(s => s.SetProperty(d => d.Name, "renamed"));

        // Same content, different bytes on disk: the source hash changes, so the dataset is re-imported.
        File.AppendAllText(Path.Combine(copy.Root, "label-errors", "mturk", "mnist_mturk.json"), "\n");
        var again = await harness.Importer.ImportAsync(copy.Assets, ["mnist"], CancellationToken.None);

        Assert.Equal(DatasetImportStatus.Imported, Assert.Single(again).Status);
        await using var check = await harness.ContextAsync();
        var mnist = await check.Datasets.SingleAsync(d => d.Slug == "mnist");
        Assert.Equal("MNIST", mnist.Name);
        Assert.Equal(10_000, await check.Examples.CountAsync(e => e.DatasetId == mnist.Id));
        Assert.Equal(1, await check.Datasets.CountAsync());
    }

    [Fact]
    public async Task An_import_stopped_mid_way_leaves_only_complete_datasets_and_the_next_run_finishes()
    {
        await using var harness = await ImportHarness.CreateAsync();
        using var stop = new CancellationTokenSource();
        // Stop as soon as the first dataset is committed: the others are then loading or copying.
        var importer = new StudyImporter(harness.ContextFactory, new StopOnLog(stop, "imported").CreateLogger<StudyImporter>());
        string[] sets = ["imagenet", "caltech256", "cifar100", "mnist", "cifar10", "quickdraw", "amazon"];

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => importer.ImportAsync(ImportHarness.RepositoryAssets, sets, stop.Token));

        await using (var db = await harness.ContextAsync())
        {
            var marks = await db.DatasetImports.ToDictionaryAsync(i => i.Slug, i => i.ExampleCount);
            Assert.InRange(marks.Count, 1, sets.Length - 1);
            foreach (var dataset in await db.Datasets.ToListAsync())
            {
                var examples = await db.Examples.CountAsync(e => e.DatasetId == dataset.Id);
                Assert.Equal(marks.GetValueOrDefault(dataset.Slug), examples);
            }
            Assert.Equal(0, await db.Examples.CountAsync(e => !db.DatasetImports.Any(i => db.Datasets.Any(d => d.Id == e.DatasetId && d.Slug == i.Slug))));
        }

        var rerun = await harness.Importer.ImportAsync(ImportHarness.RepositoryAssets, sets, CancellationToken.None);
        Assert.All(rerun, o => Assert.NotEqual(DatasetImportStatus.Failed, o.Status));
        Assert.Contains(rerun, o => o.Status == DatasetImportStatus.Imported);
        Assert.Contains(rerun, o => o.Status == DatasetImportStatus.UpToDate);
        var report = await harness.Status.ReadAsync(CancellationToken.None);
        Assert.Equal(sets.Order(), report.Imported.Order());
        await using var after = await harness.ContextAsync();
        Assert.Equal(50_000, await after.Examples.CountAsync(e => after.Datasets.Any(d => d.Id == e.DatasetId && d.Slug == "imagenet")));
        Assert.Equal(2_916, await after.Examples.CountAsync(e => e.IsValidatedError && after.Datasets.Any(d => d.Id == e.DatasetId && d.Slug == "imagenet")));
    }

    [Theory]
    [InlineData("label-errors/mturk/cifar10_mturk.json", "label-errors/mturk/cifar10_mturk.json", "cifar10")]
    [InlineData("label-errors/cross_validated_predicted_probabilities/mnist_test_set_pyx.npy.gz", "label-errors/cross_validated_predicted_probabilities/mnist_test_set_pyx.npy", "mnist")]
    [InlineData("content/20news/20news-bydate-test.tar.gz", "content/20news/20news-bydate-test.tar.gz", "20news")]
    public async Task A_truncated_source_file_fails_only_its_dataset(string storedFile, string namedFile, string brokenSlug)
    {
        await using var harness = await ImportHarness.CreateAsync();
        using var copy = AssetsCopy.Of(ImportHarness.RepositoryAssets);
        copy.Truncate(storedFile);
        string[] sets = [brokenSlug, .. new[] { "mnist", "cifar10", "amazon" }.Where(s => s != brokenSlug)];

        var outcomes = await harness.Importer.ImportAsync(copy.Assets, sets, CancellationToken.None);

        var broken = Assert.Single(outcomes, o => o.Status == DatasetImportStatus.Failed);
        Assert.Equal(brokenSlug, broken.Slug);
        Assert.Contains(namedFile, broken.Problem);
        Assert.All(outcomes.Where(o => o.Slug != brokenSlug), o => Assert.Equal(DatasetImportStatus.Imported, o.Status));

        await using var db = await harness.ContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == brokenSlug);
        Assert.Contains(namedFile, dataset.ImportProblem);
        Assert.Equal(0, await db.Examples.CountAsync(e => e.DatasetId == dataset.Id));
        var report = await harness.Status.ReadAsync(CancellationToken.None);
        Assert.Equal([brokenSlug], report.Failed.Keys);
        Assert.DoesNotContain(brokenSlug, report.Imported);
    }

    [Fact]
    public async Task A_missing_source_file_is_named_and_a_good_copy_later_repairs_the_dataset()
    {
        await using var harness = await ImportHarness.CreateAsync();
        using var copy = AssetsCopy.Of(ImportHarness.RepositoryAssets);
        var amazonVotes = Path.Combine(copy.Root, "label-errors", "mturk", "amazon_mturk.json");
        var saved = amazonVotes + ".saved";
        File.Move(amazonVotes, saved);

        var failed = Assert.Single(await harness.Importer.ImportAsync(copy.Assets, ["amazon"], CancellationToken.None));
        Assert.Equal(DatasetImportStatus.Failed, failed.Status);
        Assert.Contains("label-errors/mturk/amazon_mturk.json: missing", failed.Problem);

        File.Move(saved, amazonVotes);
        var repaired = Assert.Single(await harness.Importer.ImportAsync(copy.Assets, ["amazon"], CancellationToken.None));
        Assert.Equal(DatasetImportStatus.Imported, repaired.Status);
        await using var db = await harness.ContextAsync();
        Assert.Null((await db.Datasets.SingleAsync(d => d.Slug == "amazon")).ImportProblem);
    }

    private static async Task<List<string>> SnapshotAsync(ImportHarness harness)
    {
        await using var db = await harness.ContextAsync();
        var marks = await db.DatasetImports.OrderBy(i => i.Slug).Select(i => $"{i.Slug} {i.ImportedAt:O} {i.ExampleCount}").ToListAsync();
        var examples = await db.Examples.GroupBy(e => e.DatasetId).Select(g => $"{g.Key}: {g.Count()} {g.Min(e => e.Id)}..{g.Max(e => e.Id)}").ToListAsync();
        return [.. marks, .. examples.Order()];
    }

    /// <summary>Cancels a token the first time a log message contains a marker (the harness's logger sees every dataset).</summary>
    private sealed class StopOnLog(CancellationTokenSource stop, string marker) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Contains(marker, StringComparison.Ordinal))
                stop.Cancel();
        }
    }
}
