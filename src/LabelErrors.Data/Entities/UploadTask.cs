namespace LabelErrors.Data.Entities;

/// <summary>
/// What kind of labels an upload has, which decides the analysis its job runs and what its pages show. The API and the
/// upload form name them in kebab case (<c>multi-class</c>, <c>multi-label</c>, <c>multi-annotator</c>).
/// </summary>
public enum UploadTask
{
    /// <summary>One given label per example (cleanlab.filter / rank).</summary>
    MultiClass,

    /// <summary>A set of labels per example, possibly empty (cleanlab.multilabel_classification).</summary>
    MultiLabel,

    /// <summary>Several annotators' labels per example, any subset each (cleanlab.multiannotator, CROWDLAB).</summary>
    MultiAnnotator,
}
