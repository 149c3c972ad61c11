namespace LabelErrors.Data.Import;

/// <summary>What happened to one dataset in an import run.</summary>
public enum DatasetImportStatus
{
    /// <summary>Already imported from the same sources by the same importer version: nothing done.</summary>
    UpToDate,
    Imported,
    Failed,
}

/// <param name="Problem">For <see cref="DatasetImportStatus.Failed"/>: the message naming the file.</param>
public sealed record DatasetImportOutcome(string Slug, DatasetImportStatus Status, int ExampleCount, TimeSpan Duration, string? Problem = null);
