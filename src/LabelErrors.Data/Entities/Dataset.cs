namespace LabelErrors.Data.Entities;

/// <summary>A test set of the study (or, later, a user's upload) with its metadata and the paper's Table 1 figures.</summary>
public sealed class Dataset
{
    public int Id { get; set; }

    /// <summary>Stable URL slug: mnist, cifar10, cifar100, caltech256, imagenet, quickdraw, 20news, imdb, amazon, audioset.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }
    public Modality Modality { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Number of examples in the test set as published (QuickDraw: 50,426,266).</summary>
    public long TestSetSize { get; set; }

    public int ClassCount { get; set; }
    public string Source { get; set; } = "";
    public string Licence { get; set; } = "";
    public string Citation { get; set; } = "";

    /// <summary>Display order on the home page (the paper's Table 1 order).</summary>
    public int SortOrder { get; set; }

    public PaperFigures Paper { get; set; } = new();

    /// <summary>Table 1 recomputed from the imported votes (same definitions as the paper); null until imported.</summary>
    public PaperFigures? Recomputed { get; set; }

    /// <summary>Why the paper's and the recomputed figures differ where they do (Caltech-256, 20news), shown with both.</summary>
    public string? FiguresNote { get; set; }

    /// <summary>Where the examples' content is when it is not bundled (e.g. "configure a folder of ImageNet images").</summary>
    public string? ContentNote { get; set; }

    /// <summary>Why this dataset is incomplete (a source file missing or corrupt at import), shown on its card.</summary>
    public string? ImportProblem { get; set; }

    public List<DatasetClass> Classes { get; set; } = [];

    /// <summary>Uploaded by a user (not one of the study's sets); the <see cref="Upload"/> part is then set.</summary>
    public bool IsUpload { get; set; }

    /// <summary>What an uploaded dataset needs beyond the study's fields; null for the study's sets.</summary>
    public UploadInfo? Upload { get; set; }
}
