namespace LabelErrors.Web.Review;

/// <summary>An example in a review queue, known by its index in the upload.</summary>
public interface IQueuedExample
{
    long StudyIndex { get; }
}
