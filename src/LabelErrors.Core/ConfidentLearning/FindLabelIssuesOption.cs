namespace LabelErrors.Core.ConfidentLearning;

/// <summary>The options of <see cref="FindLabelIssuesOptions"/> a rule can refuse.</summary>
public enum FindLabelIssuesOption
{
    FilterBy,
    RankBy,
    FracNoise,
    MinExamplesPerClass,
    NumToRemovePerClass,
}
