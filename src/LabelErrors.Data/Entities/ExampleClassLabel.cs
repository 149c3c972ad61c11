namespace LabelErrors.Data.Entities;

/// <summary>
/// One class of one example of a multi-label upload that is worth showing: a class the example was given, a class the
/// model predicts (pred_probs above 0.5), or a class flagged by find_multilabel_issues_per_class. Classes that are none
/// of these are not stored (a 1M × 100 upload keeps a few rows per example, not 100). The example's suggested label
/// set is its given set with every flagged class toggled (a "label missing" class added, a "label wrong" one removed).
/// </summary>
public sealed class ExampleClassLabel
{
    /// <summary>The example's dataset: leads the key and the foreign key (tables distributed by dataset, docs/scale-out.md).</summary>
    public int DatasetId { get; set; }

    public long ExampleId { get; set; }

    /// <summary>The class index (0…K−1).</summary>
    public int ClassIndex { get; set; }

    /// <summary>The class is in the example's given label set.</summary>
    public bool IsGiven { get; set; }

    /// <summary>pred_probs[example, class]: the model's own probability for this class (independent of the others).</summary>
    public double Probability { get; set; }

    /// <summary>
    /// The per-class label quality (cleanlab's get_label_quality_scores_per_class with the upload's rank_by method):
    /// the score of this class's yes/no label against [1 − p, p]; lower = more likely wrong.
    /// </summary>
    public double Quality { get; set; }

    /// <summary>Flagged by find_multilabel_issues_per_class: the label is missing (predicted, not given) or wrong (given, not predicted).</summary>
    public MultiLabelIssueKind? Issue { get; set; }

    /// <summary>In the suggested label set: given and not flagged, or not given and flagged.</summary>
    public bool IsSuggested => IsGiven != (Issue is not null);
}
