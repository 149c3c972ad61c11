using LabelErrors.Web.Browse.Caching;
using LabelErrors.Data.Import;
using LabelErrors.Web.Options;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Hosting;

/// <summary>
/// Imports the study's test sets after start when <c>Import:OnStart</c> is true, in the background: the site serves
/// at once and /readyz says which datasets are still missing. A stop mid-way leaves every dataset either complete or
/// untouched; the next start finishes the job, and a start with nothing new is a sub-second check.
/// </summary>
internal sealed class StudyImportService(
    IOptions<ImportOptions> options,
    IHostEnvironment environment,
    StudyImporter importer,
    StudyCrossCheck crossCheck,
    BrowsePageCache pages,
    ILogger<StudyImportService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.OnStart)
            return;
        var assets = StudyAssetsLocator.Find(settings, environment)
            ?? throw new InvalidOperationException("the study data folder disappeared after start");
        try
        {
            logger.LogInformation("Study import: checking the ten datasets from {Root}", assets.Root);
            // Each dataset shows as soon as it lands: pages and lists cached meanwhile hold fewer datasets (or none).
            var outcomes = await importer.ImportAsync(
                assets,
                settings.Datasets.Length == 0 ? null : settings.Datasets,
                stoppingToken,
                async (outcome, token) =>
                {
                    if (outcome.Status != DatasetImportStatus.UpToDate)
                        await pages.EvictAllAsync(token);
                });
            var failed = outcomes.Where(o => o.Status == DatasetImportStatus.Failed).ToList();
            logger.LogInformation(
                "Study import: {Imported} imported, {UpToDate} up to date, {Failed} failed{FailedList}",
                outcomes.Count(o => o.Status == DatasetImportStatus.Imported),
                outcomes.Count(o => o.Status == DatasetImportStatus.UpToDate),
                failed.Count,
                failed.Count == 0 ? "" : ": " + string.Join("; ", failed.Select(o => $"{o.Slug} ({o.Problem})")));

            foreach (var check in crossCheck.Run(assets, stoppingToken))
            {
                if (check.Agrees)
                    logger.LogInformation("Paper-mode cross-check: {Slug}: the core's paper mode selects exactly the {Count} mTurk-checked examples", check.Slug, check.CheckedCount);
                else
                    logger.LogWarning("Paper-mode cross-check: {Slug}: paper mode selects {Selected}, the study checked {Checked}, {Common} in common", check.Slug, check.SelectedCount, check.CheckedCount, check.CommonCount);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Study import: stopped; unfinished datasets are imported at the next start");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Study import: {Reason}", ex.Message);
        }
        finally
        {
            // A stop or a crash mid-way: whatever landed is shown from now on.
            await pages.EvictAllAsync(CancellationToken.None);
        }
    }
}
