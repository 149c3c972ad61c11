namespace LabelErrors.Core.ConfidentLearning;

/// <summary>One row of cleanlab's <c>find_overlapping_classes</c> DataFrame.</summary>
public sealed record ClassOverlap(int ClassIndexA, int ClassIndexB, long NumOverlappingExamples, double JointProbability);
