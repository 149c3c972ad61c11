namespace LabelErrors.Data.Entities;

/// <summary>
/// Marks a study dataset as fully imported. Written last, in the same transaction as the dataset's rows: its presence
/// means the import finished; a different <see cref="ImporterVersion"/> or <see cref="SourceHash"/> means re-import.
/// </summary>
public sealed class DatasetImport
{
    public required string Slug { get; set; }
    public int ImporterVersion { get; set; }

    /// <summary>SHA-256 over the dataset's source files (as bundled), so changed sources trigger a re-import.</summary>
    public required string SourceHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
    public int ExampleCount { get; set; }
    public double DurationSeconds { get; set; }
}
