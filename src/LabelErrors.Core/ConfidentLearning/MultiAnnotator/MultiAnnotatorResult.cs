namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>What cleanlab's <c>get_label_quality_multiannotator</c> returns.</summary>
public sealed class MultiAnnotatorResult
{
    internal MultiAnnotatorResult(
        int[] consensusLabel,
        double[] consensusQualityScore,
        double[] annotatorAgreement,
        int[] numAnnotations,
        double[] detailedByAnnotator,
        int examples,
        IReadOnlyList<AnnotatorStats> annotatorStats,
        double? modelWeight,
        double[]? annotatorWeight)
    {
        ConsensusLabel = consensusLabel;
        ConsensusQualityScore = consensusQualityScore;
        AnnotatorAgreement = annotatorAgreement;
        NumAnnotations = numAnnotations;
        _detailed = detailedByAnnotator;
        _examples = examples;
        AnnotatorStats = annotatorStats;
        ModelWeight = modelWeight;
        AnnotatorWeight = annotatorWeight;
    }

    // column-major: annotator j's N values start at j·N
    private readonly double[] _detailed;
    private readonly int _examples;

    /// <summary><c>label_quality.consensus_label</c>, one per example.</summary>
    public int[] ConsensusLabel { get; }

    /// <summary><c>label_quality.consensus_quality_score</c> (0..1, lower = less likely correct).</summary>
    public double[] ConsensusQualityScore { get; }

    /// <summary><c>label_quality.annotator_agreement</c>: fraction of the example's annotators that chose the consensus label.</summary>
    public double[] AnnotatorAgreement { get; }

    /// <summary><c>label_quality.num_annotations</c>.</summary>
    public int[] NumAnnotations { get; }

    /// <summary><c>detailed_label_quality</c>: the quality of annotator <paramref name="annotator"/>'s label of the example; NaN where it gave none.</summary>
    public double DetailedLabelQuality(int example, int annotator) => _detailed[(long)annotator * _examples + example];

    /// <summary><c>annotator_stats</c> in cleanlab's order (lowest annotator_quality first).</summary>
    public IReadOnlyList<AnnotatorStats> AnnotatorStats { get; }

    /// <summary>CROWDLAB's model weight (null for quality_method='agreement').</summary>
    public double? ModelWeight { get; }

    /// <summary>CROWDLAB's annotator weights in column order (null for quality_method='agreement').</summary>
    public double[]? AnnotatorWeight { get; }
}
