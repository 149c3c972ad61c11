namespace LabelErrors.Web.Uploads;

/// <summary>
/// An upload refused before anything is stored. <see cref="Field"/> names the form field the problem concerns
/// (the page shows the message next to that file); the message is one line.
/// </summary>
public sealed class UploadRejectedException(string field, string message, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string Field { get; } = field;

    public int StatusCode { get; } = statusCode;
}
