namespace LabelErrors.Web.Uploads;

/// <summary>The multipart field names of an upload (the same names on the page and over HTTP).</summary>
public static class UploadField
{
    public const string Labels = "labels";
    public const string PredProbs = "pred_probs";
    public const string ClassNames = "class_names";
    public const string Content = "content";
    public const string Name = "name";
    public const string Description = "description";
    public const string FilterBy = "filter_by";
    public const string RankBy = "rank_by";
    public const string FracNoise = "frac_noise";
    public const string MinExamplesPerClass = "min_examples_per_class";
    public const string Listed = "listed";
    public const string Task = "task";

    public static readonly string[] Files = [Labels, PredProbs, ClassNames, Content];
}
