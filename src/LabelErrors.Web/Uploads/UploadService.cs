using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse.Caching;
using LabelErrors.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Turns staged files into a queued analysis: validates everything first (nothing is stored when that fails), checks
/// the per-client queue cap, then moves the files to their permanent folder and inserts the dataset and its job.
/// </summary>
public sealed class UploadService(
    UploadStorage storage,
    IDbContextFactory<LabelErrorsDbContext> contexts,
    JobSignal signal,
    BrowsePageCache browsePages,
    ILogger<UploadService> logger)
{
    public UploadStorage Storage => storage;

    /// <summary>Validates and queues; always consumes <paramref name="stagingFolder"/> (moved or deleted).</summary>
    public async Task<UploadCreated> CreateAsync(
        string stagingFolder,
        IReadOnlyDictionary<string, StagedFile> files,
        UploadRequest request,
        string clientKey,
        CancellationToken cancellationToken)
    {
        var committed = false;
        try
        {
            var name = request.Name.Trim();
            if (name.Length is 0 or > 200)
                throw new UploadRejectedException(UploadField.Name, "name: give the dataset a name (at most 200 characters)");
            if (request.Description.Length > 4000)
                throw new UploadRejectedException(UploadField.Description, "description: at most 4000 characters");
            var task = UploadTasks.Parse(request.Task);
            var options = AnalysisOptions.Parse(request);
            if (task == UploadTask.MultiAnnotator)
                options = options with { ConsensusMethod = Annotators.AnnotatorUploadOptions.ParseConsensusMethod(request.ConsensusMethod) };
            await RequireQueueRoomAsync(clientKey, cancellationToken);

            var validated = await Task.Run(() => UploadValidator.Validate(files, stagingFolder, storage.Limits, task, options, cancellationToken), cancellationToken);

            var token = ShareTokens.NewShareToken();
            var ownerKey = ShareTokens.NewOwnerKey();
            var storagePath = storage.Commit(stagingFolder, token);
            committed = true;
            try
            {
                var (datasetId, jobId) = await InsertAsync(token, ownerKey, storagePath, name, request, task, files, validated, options, clientKey, cancellationToken);
                logger.LogInformation("Upload {ShareToken} ({Task}) queued as job {JobId}: {Examples}×{Classes}", token, UploadTasks.Name(task), jobId, validated.ExampleCount, validated.ClassCount);
                signal.Notify();
                return new UploadCreated(token, ownerKey, jobId, datasetId, validated.Warnings);
            }
            catch
            {
                storage.Delete(storagePath);
                throw;
            }
        }
        finally
        {
            if (!committed)
                storage.DeleteFolder(stagingFolder);
        }
    }

    private async Task RequireQueueRoomAsync(string clientKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var waiting = await db.AnalysisJobs.CountAsync(
            j => j.ClientKey == clientKey && (j.State == AnalysisJobState.Queued || j.State == AnalysisJobState.Running), cancellationToken);
        if (waiting >= storage.Limits.MaxQueuedJobsPerClient)
            throw new UploadRejectedException("", $"you already have {waiting} analyses waiting or running; wait for one to finish (at most {storage.Limits.MaxQueuedJobsPerClient})",
                StatusCodes.Status429TooManyRequests);
    }

    private async Task<(int DatasetId, Guid JobId)> InsertAsync(
        string token, string ownerKey, string storagePath, string name, UploadRequest request, UploadTask task,
        IReadOnlyDictionary<string, StagedFile> files, ValidatedUpload validated, AnalysisOptions options, string clientKey,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var dataset = new Dataset
        {
            Slug = ShareTokens.Slug(token),
            Name = name,
            Description = request.Description.Trim(),
            Modality = validated.Content == UploadContentKind.Text ? Modality.Text : Modality.Image,
            TestSetSize = validated.ExampleCount,
            ClassCount = validated.ClassCount,
            Source = "Uploaded",
            SortOrder = int.MaxValue,
            IsUpload = true,
            Upload = new UploadInfo
            {
                ShareToken = token,
                OwnerKeyHash = ShareTokens.Hash(ownerKey),
                IsListed = request.Listed,
                CreatedAt = now,
                StoragePath = storagePath,
                LabelsFile = StoredName(files[UploadField.Labels]),
                PredProbsFile = StoredName(files[UploadField.PredProbs]),
                ClassNamesFile = files.TryGetValue(UploadField.ClassNames, out var names) ? StoredName(names) : null,
                Content = validated.Content,
                Task = task,
            },
            Classes = Enumerable.Range(0, validated.ClassCount)
                .Select(i => new DatasetClass { Index = i, Name = validated.ClassNames?[i] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                .ToList(),
        };
        db.Datasets.Add(dataset);
        var job = new AnalysisJob
        {
            Id = Guid.NewGuid(),
            State = AnalysisJobState.Queued,
            Stage = JobStage.Queued,
            OptionsJson = options.ToJson(),
            CreatedAt = now,
            ClientKey = clientKey,
        };
        db.AnalysisJobs.Add(job);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        job.DatasetId = dataset.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // A listed upload joins the menu of datasets on every cached page.
        if (request.Listed)
            await browsePages.EvictAllAsync(CancellationToken.None);
        return (dataset.Id, job.Id);
    }

    // Stored as "<field><ext>|<user's name>": the disk name is ours, the user's name is kept for messages.
    private static string StoredName(StagedFile file) => Path.GetFileName(file.Path) + "|" + file.FileName;

    public static (string DiskName, string DisplayName) ParseStoredName(string stored)
    {
        var bar = stored.IndexOf('|');
        return bar < 0 ? (stored, stored) : (stored[..bar], stored[(bar + 1)..]);
    }
}
