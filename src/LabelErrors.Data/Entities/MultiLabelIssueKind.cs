namespace LabelErrors.Data.Entities;

/// <summary>What a flagged (example, class) pair of a multi-label upload means; stored by name.</summary>
public enum MultiLabelIssueKind
{
    /// <summary>The class is not in the given set, but the model says it should be: add it.</summary>
    LabelMissing,

    /// <summary>The class is in the given set, but the model says it should not be: remove it.</summary>
    LabelWrong,
}
