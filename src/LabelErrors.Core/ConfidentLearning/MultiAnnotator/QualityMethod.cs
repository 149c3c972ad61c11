namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>cleanlab's <c>quality_method</c>: how the quality of consensus labels and annotators is scored.</summary>
public enum QualityMethod
{
    /// <summary><c>crowdlab</c>: a weighted ensemble of the model's pred_probs and the annotators' labels (CROWDLAB).</summary>
    Crowdlab,

    /// <summary><c>agreement</c>: the fraction of annotators that agree with the consensus label.</summary>
    Agreement,
}
