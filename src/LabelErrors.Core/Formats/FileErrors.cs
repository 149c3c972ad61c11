namespace LabelErrors.Core.Formats;

/// <summary>Short, user-facing reasons for file-system failures (no stack traces, no .NET type names).</summary>
internal static class FileErrors
{
    public static string Describe(Exception e) => e switch
    {
        FileNotFoundException => "file not found",
        DirectoryNotFoundException => "directory not found",
        UnauthorizedAccessException => "permission denied",
        _ => $"cannot open file ({e.Message})",
    };

    public static FileStream OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new Validation.LabelErrorsInputException(path, Describe(e), inner: e);
        }
    }
}
