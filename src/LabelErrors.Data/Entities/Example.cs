namespace LabelErrors.Data.Entities;

/// <summary>One test example of a dataset, addressed by the study's integer index.</summary>
public sealed class Example
{
    public long Id { get; set; }
    public int DatasetId { get; set; }

    /// <summary>The study's index into the test set (the id in permalinks).</summary>
    public long StudyIndex { get; set; }

    /// <summary>
    /// Where the content comes from: the entry path inside the bundled archive (CIFAR-10 <c>test/cat/0000.jpg</c>,
    /// 20news <c>20news-bydate-test/rec.autos/103343</c>, IMDB <c>test/neg/9641_4.txt</c>), the path from the study's
    /// index file (ImageNet <c>val/n01440764/…JPEG</c>, Caltech-256 <c>001.ak47/001_0004.jpg</c>, relative to a folder
    /// a user configures) or, for AudioSet, the YouTube id. Null where the index alone addresses the content (MNIST IDX,
    /// CIFAR-100) or nothing is known (QuickDraw, Amazon).
    /// </summary>
    public string? ExternalId { get; set; }

    /// <summary>AudioSet: start of the 10-second clip in the YouTube video, in seconds.</summary>
    public int? ClipStartSeconds { get; set; }

    /// <summary>AudioSet: end of the clip in the YouTube video, in seconds.</summary>
    public int? ClipEndSeconds { get; set; }

    /// <summary>The given label (class index). AudioSet: the first given label of a checked clip, −1 for the others.</summary>
    public int GivenLabel { get; set; }

    /// <summary>The label confident learning guessed (the study's "CL guessed" label), for flagged examples.</summary>
    public int? GuessedLabel { get; set; }

    /// <summary>The cross-validated model's predicted label (argmax of pred_probs).</summary>
    public int? PredictedLabel { get; set; }

    /// <summary>Self-confidence (pred_probs at the given label) where pred_probs were released.</summary>
    public double? LabelQuality { get; set; }

    /// <summary>
    /// Normalized margin: pred_probs at the given label minus the largest other class probability (−1…1; below 0 the
    /// model prefers another class). Where pred_probs were released.
    /// </summary>
    public double? NormalizedMargin { get; set; }

    /// <summary>
    /// The cross-validated model's five most probable classes, best first, as a JSON array of
    /// <c>{"label": int, "probability": double}</c>. Where pred_probs were released (IMDB raw values may exceed 1:
    /// stored as released).
    /// </summary>
    public string? TopPredictionsJson { get; set; }

    /// <summary>
    /// AudioSet (multi-label): the given labels, as class names of classes.json, for the 307 mTurk-checked clips. The
    /// released label arrays use AudioSet's ontology index order, which the bundled data cannot name, so the other clips
    /// have null here and <see cref="GivenLabel"/> −1.
    /// </summary>
    public List<string>? GivenLabelNames { get; set; }

    /// <summary>AudioSet (multi-label): the labels confident learning guessed, as class names (mTurk-checked clips).</summary>
    public List<string>? GuessedLabelNames { get; set; }

    /// <summary>Selected by confident learning as a likely label error (the study's candidate set).</summary>
    public bool IsClFlagged { get; set; }

    /// <summary>Uploads: 0-based position of a flagged example in find_label_issues' ranked output (null when not flagged).</summary>
    public int? IssueRank { get; set; }

    /// <summary>
    /// Out-of-distribution score from pred_probs alone (cleanlab.outlier.OutOfDistribution, 0…1, lower = more atypical),
    /// where it was computed.
    /// </summary>
    public double? OutlierScore { get; set; }

    /// <summary>Datalab's outlier issue: the score is below 0.13 × the dataset's median score.</summary>
    public bool IsOutlier { get; set; }

    /// <summary>Checked by Mechanical Turk workers (has a <see cref="MturkVotes"/> row).</summary>
    public bool IsMturkChecked { get; set; }

    /// <summary>Fewer than 3 workers chose the given label (AudioSet: its own multi-label rule).</summary>
    public bool IsValidatedError { get; set; }

    public ConsensusCategory? Consensus { get; set; }

    /// <summary>Multi-annotator uploads: fraction of the example's annotators who chose the consensus label (its <see cref="GivenLabel"/>).</summary>
    public double? AnnotatorAgreement { get; set; }

    /// <summary>Multi-annotator uploads: how many annotators labelled the example.</summary>
    public int? NumAnnotations { get; set; }

    /// <summary>Multi-annotator uploads: each annotator's label of the example.</summary>
    public List<ExampleAnnotation> Annotations { get; set; } = [];

    public MturkVotes? Votes { get; set; }

    /// <summary>The full text for text datasets whose content is bundled (20news, IMDB).</summary>
    public ExampleText? Text { get; set; }

    /// <summary>Site visitors' votes on this example (study sets), once someone voted.</summary>
    public VisitorTally? VisitorTally { get; set; }
}
