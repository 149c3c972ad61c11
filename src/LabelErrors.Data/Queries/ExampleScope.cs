namespace LabelErrors.Data.Queries;

/// <summary>Which examples of a dataset a query starts from, from the narrowest (the study's result) to all of them;
/// <see cref="Issues"/> is an upload's.</summary>
public enum ExampleScope
{
    /// <summary>Label errors validated by Mechanical Turk workers (the default view).</summary>
    Validated,

    /// <summary>Every example the workers were asked about.</summary>
    MturkChecked,

    /// <summary>Every example confident learning flagged, checked or not.</summary>
    ClFlagged,

    /// <summary>The whole imported test set (only where the full set was imported).</summary>
    All,

    /// <summary>An upload's flagged label issues: the examples find_label_issues ranked (an upload's "flagged issues").</summary>
    Issues,

    /// <summary>Datalab's outlier issues (<see cref="Entities.Example.IsOutlier"/>): atypical examples by their pred_probs.</summary>
    Outliers,
}
