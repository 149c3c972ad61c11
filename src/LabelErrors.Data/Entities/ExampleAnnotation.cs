namespace LabelErrors.Data.Entities;

/// <summary>
/// One annotator's label of one example of a multi-annotator upload (a non-empty cell of the annotations CSV), with
/// cleanlab's <c>detailed_label_quality</c> of that label. Keyed by dataset first, like every child of examples.
/// </summary>
public sealed class ExampleAnnotation
{
    public int DatasetId { get; set; }

    public long ExampleId { get; set; }

    /// <summary>The annotator's column (0-based) in the uploaded CSV; its name is in <see cref="UploadAnnotator"/>.</summary>
    public int Annotator { get; set; }

    /// <summary>The class the annotator chose.</summary>
    public int Label { get; set; }

    /// <summary>cleanlab's detailed_label_quality of this label (the CROWDLAB posterior of the class it chose).</summary>
    public double? LabelQuality { get; set; }
}
