using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Jobs;

/// <summary>Where an upload's files are on disk, the names the user gave them (used in messages) and its task (which analysis the job runs).</summary>
public sealed record UploadFiles(
    string LabelsPath, string LabelsDisplayName,
    string PredProbsPath, string PredProbsDisplayName,
    string? ClassNamesPath, string? ClassNamesDisplayName,
    string? TextContentPath, string? TextContentDisplayName,
    UploadTask Task = UploadTask.MultiClass)
{
    public static UploadFiles Of(UploadInfo upload, UploadStorage storage)
    {
        var (labelsDisk, labelsName) = UploadService.ParseStoredName(upload.LabelsFile);
        var (predDisk, predName) = UploadService.ParseStoredName(upload.PredProbsFile);
        string? namesPath = null, namesName = null;
        if (upload.ClassNamesFile is { } stored)
        {
            var (disk, name) = UploadService.ParseStoredName(stored);
            (namesPath, namesName) = (storage.PathOf(upload.StoragePath, disk), name);
        }
        string? textPath = null;
        if (upload.Content == UploadContentKind.Text)
            textPath = storage.PathOf(upload.StoragePath, UploadField.Content + ".csv");
        return new UploadFiles(
            storage.PathOf(upload.StoragePath, labelsDisk), labelsName,
            storage.PathOf(upload.StoragePath, predDisk), predName,
            namesPath, namesName,
            textPath, textPath is null ? null : "content.csv",
            upload.Task);
    }
}
