namespace LabelErrors.Web.Review;

/// <summary>A decision that cannot be recorded (unknown example, class out of range, note too long): a 400 with the message.</summary>
public sealed class ReviewException(string message) : Exception(message);
