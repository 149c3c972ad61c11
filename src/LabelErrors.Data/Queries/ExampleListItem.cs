using LabelErrors.Data.Entities;

namespace LabelErrors.Data.Queries;

/// <summary>What a gallery card or an API list row needs of one example.</summary>
public sealed record ExampleListItem
{
    public long StudyIndex { get; init; }
    public int GivenLabel { get; init; }
    public int? GuessedLabel { get; init; }
    public double? LabelQuality { get; init; }

    /// <summary>The model's most likely class (an upload's "suggested" label).</summary>
    public int? PredictedLabel { get; init; }

    /// <summary>An upload's issue rank (0 = worst); null when the example was not flagged.</summary>
    public int? IssueRank { get; init; }

    /// <summary>Out-of-distribution score (0…1, lower = more atypical); null where none was computed.</summary>
    public double? OutlierScore { get; init; }

    /// <summary>Datalab's outlier issue (score below 0.13 × the dataset's median).</summary>
    public bool IsOutlier { get; init; }
    public bool IsValidatedError { get; init; }
    public ConsensusCategory? Consensus { get; init; }

    /// <summary>Where the content comes from (a file path, a YouTube reference), as imported.</summary>
    public string? ExternalId { get; init; }

    /// <summary>AudioSet: the clip's window in the YouTube video, in seconds.</summary>
    public int? ClipStartSeconds { get; init; }
    public int? ClipEndSeconds { get; init; }

    /// <summary>AudioSet (multi-label): the given and the guessed label sets, as class names (mTurk-checked clips).</summary>
    public List<string>? GivenLabelNames { get; init; }
    public List<string>? GuessedLabelNames { get; init; }

    /// <summary>Text datasets: the first <see cref="ExampleSearch.SnippetLength"/> characters of the text.</summary>
    public string? Snippet { get; init; }

    /// <summary>The workers' votes; null when the example was not checked.</summary>
    public VoteCounts? Votes { get; init; }

    /// <summary>Most site visitors disagree with the workers' consensus (see <c>VisitorTally.IsDisputed</c>).</summary>
    public bool IsDisputed { get; init; }

    /// <summary>Multi-annotator uploads: the share of annotators who chose the consensus, and how many annotated the example.</summary>
    public double? AnnotatorAgreement { get; init; }
    public int? NumAnnotations { get; init; }
}

/// <summary>The Mechanical Turk vote counts of an example (the options that do not apply to its modality are null).</summary>
public sealed record VoteCounts(int Given, int Guessed, int? Both, int? Neither, int? Neutral, int? OffTopic, int Total);

/// <summary>One page of a query's results and how many examples match in all.</summary>
public sealed record ExamplePage(IReadOnlyList<ExampleListItem> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
}

/// <summary>The study indices of the examples before and after one example in a query's order (null at the ends).</summary>
public sealed record ExampleNeighbours(long? Previous, long? Next);
