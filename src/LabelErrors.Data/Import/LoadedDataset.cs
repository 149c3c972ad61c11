using LabelErrors.Core.Study;

namespace LabelErrors.Data.Import;

/// <summary>Everything one study dataset's sources hold, read into memory and ready to be copied into PostgreSQL.</summary>
internal sealed record LoadedDataset(
    StudyDataset Study,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<ExampleRow> Examples,
    PaperFiguresRow Recomputed);
