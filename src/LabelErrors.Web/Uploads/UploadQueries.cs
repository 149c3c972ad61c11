using System.Globalization;
using LabelErrors.Core.Reporting;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Data.Failures;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Reads uploads by share token: the dataset and job, the CSV downloads; deletes with the owner key. The result pages
/// are the shared gallery's (<see cref="UploadGallery"/>, ExampleSearch).
/// </summary>
public sealed class UploadQueries(IDbContextFactory<LabelErrorsDbContext> contexts, UploadStorage storage, BrowsePageCache browsePages)
{
    public async Task<UploadLookup?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!ShareTokens.LooksValid(token))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().Include(d => d.Classes)
            .SingleOrDefaultAsync(d => d.IsUpload && d.Upload!.ShareToken == token, cancellationToken);
        if (dataset is null)
            return null;
        var job = await db.AnalysisJobs.AsNoTracking().Where(j => j.DatasetId == dataset.Id)
            .OrderByDescending(j => j.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        dataset.Classes = dataset.Classes.OrderBy(c => c.Index).ToList();
        return new UploadLookup(dataset, job);
    }

    public async Task<DeleteOutcome> DeleteAsync(string token, string? ownerKey, CancellationToken cancellationToken)
    {
        if (!ShareTokens.LooksValid(token))
            return DeleteOutcome.NotFound;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.IsUpload && d.Upload!.ShareToken == token, cancellationToken);
        if (dataset?.Upload is null)
            return DeleteOutcome.NotFound;
        if (!ShareTokens.Matches(ownerKey, dataset.Upload.OwnerKeyHash))
            return DeleteOutcome.WrongKey;
        // Cascades to the examples, their texts and the job; a running job loses its claim and stops.
        if (!await DeleteRowsAsync(db, dataset.Id, cancellationToken))
            return DeleteOutcome.Busy;
        storage.Delete(dataset.Upload.StoragePath);
        if (dataset.Upload.IsListed)
            await browsePages.EvictAllAsync(CancellationToken.None);
        return DeleteOutcome.Deleted;
    }

    /// <summary>
    /// Deletes the dataset row; its trigger (datasets_delete_examples) DETACHes and drops the upload's partition, trying
    /// 20 times for the ACCESS EXCLUSIVE lock on <c>examples</c> with at most 200 ms of waiting a try, so that pages
    /// never queue long behind a DETACH that waits for a long reader. Its last try, and the DROP, wait for the session's
    /// lock_timeout: bounded here too (unbounded, the last try would hold every page of every dataset behind it until
    /// the reader ends or the command times out, and the delete would read as an outage). False when a reader held the
    /// partition through every try (SQL state 55P03): nothing was deleted, the owner can try again.
    /// </summary>
    private static async Task<bool> DeleteRowsAsync(LabelErrorsDbContext db, int datasetId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var lockWait = $"{LastLockWait.TotalMilliseconds:F0}ms";
        await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {lockWait}, true)", cancellationToken);
        try
        {
            await db.Datasets.Where(d => d.Id == datasetId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (DatabaseFailures.ServerError(e)?.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>How long the delete's last DETACH try, its DROP and any other lock it takes may wait.</summary>
    public static readonly TimeSpan LastLockWait = TimeSpan.FromSeconds(1);

    /// <summary>Class names for the outputs when the user gave them, else null (labels written as integers, as the CLI does).</summary>
    public static IReadOnlyList<string>? OutputClassNames(Dataset dataset) =>
        dataset.Upload?.ClassNamesFile is null ? null : dataset.Classes.OrderBy(c => c.Index).Select(c => c.Name).ToArray();

    /// <summary>The issues CSV: the CLI's columns and writer, rows in find_label_issues' ranked order.</summary>
    public async Task WriteIssuesCsvAsync(Dataset dataset, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == dataset.Id && e.IssueRank != null)
            .OrderBy(e => e.IssueRank)
            .Select(e => new IssueRow((int)e.StudyIndex, e.GivenLabel, e.PredictedLabel!.Value, e.LabelQuality!.Value))
            .ToListAsync(cancellationToken);
        await IssueTableWriter.WriteAsync(writer, rows, OutputFormat.Csv, OutputClassNames(dataset));
    }

    /// <summary>
    /// All labels in example order with the suggested label in place of each flagged one: header <c>label</c>, then one
    /// integer class index per line (the labels CSV format the upload and the CLI read back).
    /// </summary>
    public async Task WriteFixedLabelsCsvAsync(Dataset dataset, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await writer.WriteAsync("label\n");
        var labels = db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id).OrderBy(e => e.StudyIndex)
            .Select(e => e.IsClFlagged && e.GuessedLabel != null ? e.GuessedLabel.Value : e.GivenLabel)
            .AsAsyncEnumerable();
        await foreach (var label in labels.WithCancellation(cancellationToken))
            await writer.WriteAsync(label.ToString(CultureInfo.InvariantCulture) + "\n");
    }

    public async Task<IReadOnlyList<(Dataset Dataset, AnalysisJob? Job)>> StatesAsync(IReadOnlyCollection<string> tokens, CancellationToken cancellationToken)
    {
        var valid = tokens.Where(ShareTokens.LooksValid).ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var datasets = await db.Datasets.AsNoTracking().Where(d => d.IsUpload && valid.Contains(d.Upload!.ShareToken)).ToListAsync(cancellationToken);
        var ids = datasets.Select(d => d.Id).ToArray();
        var jobs = await db.AnalysisJobs.AsNoTracking().Where(j => j.DatasetId != null && ids.Contains(j.DatasetId.Value)).ToListAsync(cancellationToken);
        return datasets.Select(d => (d, jobs.Where(j => j.DatasetId == d.Id).MaxBy(j => j.CreatedAt))).ToList();
    }
}
