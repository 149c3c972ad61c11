namespace LabelErrors.Web.Api.Contracts;

/// <summary>A study dataset as the API lists it.</summary>
public sealed record ApiDataset(
    string Slug,
    string Name,
    string Modality,
    long TestSetSize,
    int ClassCount,
    long ImportedExamples,
    bool Complete,
    ApiTable1Figures Paper,
    ApiTable1Figures? Recomputed,
    string? FiguresNote,
    string? ImportProblem,
    ApiDatasetLinks Links);

/// <summary>A Table 1 row: CL-guessed, mTurk-checked, validated and estimated errors, and the error rate in percent.</summary>
public sealed record ApiTable1Figures(long ClGuessed, long MturkChecked, long Validated, long? Estimated, decimal ErrorPercent);

public sealed record ApiDatasetLinks(string Self, string Examples, string Corrected, string Scores, string Page);

public sealed record ApiClass(int Index, string Name);

/// <summary>One dataset with its classes.</summary>
public sealed record ApiDatasetDetail(ApiDataset Dataset, IReadOnlyList<ApiClass> Classes);

public sealed record ApiDatasetList(IReadOnlyList<ApiDataset> Datasets);
