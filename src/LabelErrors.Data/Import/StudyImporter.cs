using System.Diagnostics;
using LabelErrors.Core.Content;
using LabelErrors.Core.Study;
using LabelErrors.Data.Failures;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LabelErrors.Data.Import;

/// <summary>
/// Imports the study's ten test sets from the bundled assets. Each dataset is one transaction whose last write is its
/// <see cref="DatasetImport"/> row, so an interrupted import leaves the dataset as it was and the next run redoes it;
/// a dataset already imported from the same sources by this <see cref="Version"/> is skipped. A missing or corrupt
/// source file fails only its dataset (recorded in <see cref="Dataset.ImportProblem"/>).
/// </summary>
public sealed class StudyImporter(IDbContextFactory<LabelErrorsDbContext> contexts, ILogger<StudyImporter> logger)
{
    /// <summary>Bump when the importer writes something different from the same sources: datasets are then re-imported.</summary>
    public const int Version = 1;

    /// <param name="slugs">Only these datasets (null: all ten), in the catalogue's order.</param>
    /// <param name="datasetDone">Called as each dataset's transaction ends (imported, up to date or failed), so a running
    /// site can show it at once instead of when the last one lands.</param>
    public async Task<IReadOnlyList<DatasetImportOutcome>> ImportAsync(
        BundledAssets assets,
        IReadOnlyCollection<string>? slugs,
        CancellationToken cancellationToken,
        Func<DatasetImportOutcome, CancellationToken, ValueTask>? datasetDone = null)
    {
        var selected = StudyCatalogue.All.Where(d => slugs is null || slugs.Contains(d.Slug)).ToList();
        var outcomes = new DatasetImportOutcome[selected.Count];

        // Datasets are independent transactions; two at a time keeps both cores busy (PostgreSQL's to_tsvector for the
        // IMDB and 20news texts dominates), the costliest first so the long one does not start last.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Clamp(Environment.ProcessorCount, 1, 2), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(
            Enumerable.Range(0, selected.Count).OrderByDescending(i => ExpectedCost(selected[i])),
            options,
            async (i, token) =>
            {
                outcomes[i] = await ImportDatasetAsync(assets, selected[i], token);
                if (datasetDone is not null)
                    await datasetDone(outcomes[i], token);
            });
        return outcomes;
    }

    private static long ExpectedCost(StudyDataset study) =>
        (study.Modality == StudyModality.Text && study.ContentArchive is not null ? 100 : 1) * (study.HasFullLabelArrays ? study.TestSetSize : 1_000);

    public async Task<DatasetImportOutcome> ImportDatasetAsync(BundledAssets assets, StudyDataset study, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var retry = ImportRetry.Create(logger, study.Slug, RetryDelay);
        try
        {
            var hash = SourceHash.Of(assets, study);
            if (await retry.ExecuteAsync(async token => await IsCurrentAsync(study.Slug, hash, token), cancellationToken))
            {
                logger.LogDebug("Study import: {Slug} is up to date", study.Slug);
                return new DatasetImportOutcome(study.Slug, DatasetImportStatus.UpToDate, 0, clock.Elapsed);
            }

            logger.LogInformation("Study import: {Slug} ({Name}) starting", study.Slug, study.Name);
            var loaded = await Task.Run(() => new StudyDatasetLoader(assets).Load(study, cancellationToken), cancellationToken);
            var written = await retry.ExecuteAsync(async token => await WriteAsync(loaded, hash, clock, token), cancellationToken);
            if (!written)
                return new DatasetImportOutcome(study.Slug, DatasetImportStatus.UpToDate, 0, clock.Elapsed);
            var r = loaded.Recomputed;
            logger.LogInformation(
                "Study import: {Slug} imported {Examples} examples ({Checked} mTurk-checked, {Validated} validated errors; paper: {PaperChecked} checked, {PaperValidated} validated) in {Seconds:F1} s",
                study.Slug, loaded.Examples.Count, r.MturkChecked, r.Validated, study.Paper.MturkChecked, study.Paper.Validated, clock.Elapsed.TotalSeconds);
            return new DatasetImportOutcome(study.Slug, DatasetImportStatus.Imported, loaded.Examples.Count, clock.Elapsed);
        }
        catch (Exception ex) when (DatabaseFailures.IsTransient(ex))
        {
            // Not the dataset's problem: nothing is recorded against it, it stays missing and the next start imports it.
            var problem = $"the database is unavailable ({ex.Message}); the next start imports it";
            logger.LogWarning("Study import: {Slug}: {Problem}", study.Slug, problem);
            return new DatasetImportOutcome(study.Slug, DatasetImportStatus.Failed, 0, clock.Elapsed, problem);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var problem = ex is StudySourceException ? ex.Message : $"import failed: {ex.Message}";
            logger.LogError(ex, "Study import: {Slug} failed: {Problem}", study.Slug, problem);
            await RecordProblemAsync(study, problem, cancellationToken);
            return new DatasetImportOutcome(study.Slug, DatasetImportStatus.Failed, 0, clock.Elapsed, problem);
        }
    }

    /// <summary>First wait before retrying a transient database failure (doubled per attempt, 4 retries).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    private async Task<bool> IsCurrentAsync(string slug, string hash, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await IsCurrentAsync(db, slug, hash, cancellationToken);
    }

    private static Task<bool> IsCurrentAsync(LabelErrorsDbContext db, string slug, string hash, CancellationToken cancellationToken) =>
        db.DatasetImports.AnyAsync(i => i.Slug == slug && i.ImporterVersion == Version && i.SourceHash == hash, cancellationToken);

    /// <returns>False when another process imported the same sources while this one waited for the lock.</returns>
    private async Task<bool> WriteAsync(LoadedDataset loaded, string hash, Stopwatch clock, CancellationToken cancellationToken)
    {
        var study = loaded.Study;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Two app instances starting together import each dataset once: the second waits, then finds it current.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"labelerrors-import:" + study.Slug}))", cancellationToken);
        if (await IsCurrentAsync(db, study.Slug, hash, cancellationToken))
            return false;

        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Slug == study.Slug, cancellationToken);
        if (dataset is null)
        {
            dataset = new Dataset { Slug = study.Slug, Name = study.Name };
            db.Datasets.Add(dataset);
        }
        else
        {
            await db.Examples.Where(e => e.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Classes.Where(c => c.DatasetId == dataset.Id).ExecuteDeleteAsync(cancellationToken);
            await db.DatasetImports.Where(i => i.Slug == study.Slug).ExecuteDeleteAsync(cancellationToken);
        }
        DescribeDataset(dataset, study, loaded.ClassNames.Count);
        dataset.ImportProblem = null;
        dataset.Recomputed = ToEntity(loaded.Recomputed);
        await db.SaveChangesAsync(cancellationToken);
        db.Classes.AddRange(loaded.ClassNames.Select((name, index) => new DatasetClass { DatasetId = dataset.Id, Index = index, Name = name }));
        await db.SaveChangesAsync(cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExampleCopy.CopyExamplesAsync(connection, dataset.Id, loaded.Examples, cancellationToken);
        var ids = await ExampleIdsAsync(db, dataset.Id, loaded.Examples.Any(e => e.Text is not null), cancellationToken);
        var byIndex = loaded.Examples.ToDictionary(e => e.StudyIndex);
        var withIds = ids.Select(pair => (pair.Id, byIndex[pair.StudyIndex])).ToList();
        await ExampleCopy.CopyVotesAsync(connection, dataset.Id, [.. withIds.Where(p => p.Item2.IsMturkChecked)], cancellationToken);
        await ExampleCopy.CopyTextsAsync(connection, dataset.Id, [.. withIds.Where(p => p.Item2.Text is not null)], cancellationToken);

        // Last write of the transaction: its presence means "fully imported".
        db.DatasetImports.Add(new DatasetImport
        {
            Slug = study.Slug,
            ImporterVersion = Version,
            SourceHash = hash,
            ImportedAt = DateTimeOffset.UtcNow,
            ExampleCount = loaded.Examples.Count,
            DurationSeconds = clock.Elapsed.TotalSeconds,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The ids PostgreSQL gave the copied examples that need them (checked ones, and all when texts follow).</summary>
    private static async Task<List<(long Id, long StudyIndex)>> ExampleIdsAsync(LabelErrorsDbContext db, int datasetId, bool all, CancellationToken cancellationToken)
    {
        var rows = await db.Examples.Where(e => e.DatasetId == datasetId && (all || e.IsMturkChecked))
            .Select(e => new { e.Id, e.StudyIndex })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => (r.Id, r.StudyIndex));
    }

    private static void DescribeDataset(Dataset dataset, StudyDataset study, int classCount)
    {
        dataset.Name = study.Name;
        dataset.Modality = ConsensusMapping.ToModality(study.Modality);
        dataset.TestSetSize = study.TestSetSize;
        dataset.ClassCount = classCount;
        dataset.Source = study.Source;
        dataset.Licence = study.Licence;
        dataset.Citation = study.Citation;
        dataset.SortOrder = StudyCatalogue.SortOrder(study);
        dataset.Paper = ToEntity(study.Paper);
        dataset.FiguresNote = study.FiguresNote;
        dataset.ContentNote = study.ContentNote;
    }

    private static PaperFigures ToEntity(PaperFiguresRow row) => new()
    {
        ClGuessed = row.ClGuessed,
        MturkChecked = row.MturkChecked,
        Validated = row.Validated,
        Estimated = row.Estimated,
        ErrorPercent = row.ErrorPercent,
    };

    /// <summary>
    /// Puts the problem on the dataset's card. The dataset row is created if it never imported (so the site can say
    /// what is missing); rows imported earlier from good sources stay as they were.
    /// </summary>
    private async Task RecordProblemAsync(StudyDataset study, string problem, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Slug == study.Slug, cancellationToken);
            if (dataset is null)
            {
                dataset = new Dataset { Slug = study.Slug, Name = study.Name };
                DescribeDataset(dataset, study, 0);
                db.Datasets.Add(dataset);
            }
            dataset.ImportProblem = problem;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Study import: could not record the problem of {Slug}", study.Slug);
        }
    }
}
