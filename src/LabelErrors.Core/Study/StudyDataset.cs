namespace LabelErrors.Core.Study;

/// <summary>
/// One of the study's ten test sets: what it is, where its released files are (paths relative to the bundled assets
/// root, original names without .gz) and the paper's Table 1 row.
/// </summary>
public sealed record StudyDataset
{
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public required StudyModality Modality { get; init; }
    public required VoteForm VoteForm { get; init; }

    /// <summary>Test-set size as published (QuickDraw 50,426,266; Caltech-256 30,607 including its 827 clutter images).</summary>
    public required long TestSetSize { get; init; }

    /// <summary>The key of this dataset's class names in <c>label-errors/classes.json</c>.</summary>
    public required string ClassNamesKey { get; init; }

    public required string MturkFile { get; init; }

    public MturkIdKind MturkIdKind { get; init; } = MturkIdKind.Index;

    /// <summary>Full given-label array, where the study released it (not QuickDraw, not Amazon).</summary>
    public string? OriginalLabelsFile { get; init; }

    public string? PredictedLabelsFile { get; init; }

    /// <summary>Cross-validated pred_probs, where released (MNIST, CIFAR-10, 20news, IMDB).</summary>
    public string? PredProbsFile { get; init; }

    /// <summary>Index → content file map (a JSON list of paths or, for AudioSet, YouTube links).</summary>
    public string? IndexFile { get; init; }

    /// <summary>Bundled archive of the test-set content (20news, IMDB texts; CIFAR-10 JPEGs), if any.</summary>
    public string? ContentArchive { get; init; }

    /// <summary>Prefix that turns an index-file path into the entry path inside <see cref="ContentArchive"/>.</summary>
    public string ContentPathPrefix { get; init; } = "";

    /// <summary>Where to see the content when it is not bundled, shown on the dataset's pages.</summary>
    public string? ContentNote { get; init; }

    public required string Source { get; init; }
    public required string Licence { get; init; }
    public required string Citation { get; init; }
    public required PaperFiguresRow Paper { get; init; }

    /// <summary>Why our recomputed Table 1 row differs from the paper's, where it does.</summary>
    public string? FiguresNote { get; init; }

    public bool HasFullLabelArrays => OriginalLabelsFile is not null;

    /// <summary>Every file the import reads for this dataset (for the source hash and error messages).</summary>
    public IEnumerable<string> SourceFiles()
    {
        yield return StudyCatalogue.ClassNamesFile;
        yield return MturkFile;
        foreach (var file in new[] { OriginalLabelsFile, PredictedLabelsFile, PredProbsFile, IndexFile, ContentArchive })
            if (file is not null)
                yield return file;
    }
}
