namespace LabelErrors.Core.ConfidentLearning;

/// <summary><c>estimation_method</c> of cleanlab 2.9.0's <c>count.num_label_issues</c>.</summary>
public enum NumLabelIssuesMethod
{
    /// <summary>Off-diagonal examples of the uncalibrated confident joint whose argmax is not the given label (default).</summary>
    OffDiagonal,

    /// <summary>rint(N × (1 − trace of the estimated joint)).</summary>
    OffDiagonalCalibrated,
}
