namespace LabelErrors.Core.ConfidentLearning.Outliers;

/// <summary>Datalab's class_imbalance columns and the rarest class (its share; whether it counts as imbalance).</summary>
public sealed record ClassImbalanceResult(double[] Scores, bool[] IsIssue, int RarestClass, double RarestClassShare, bool Imbalanced);
