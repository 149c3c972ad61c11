namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>ActiveLab scores: <c>(active_learning_scores, active_learning_scores_unlabeled)</c>; empty where that input was not given.</summary>
public sealed record ActiveLearningScores(double[] Labeled, double[] Unlabeled);
