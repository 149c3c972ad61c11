namespace LabelErrors.Data.Import;

/// <summary>A study source file is missing or unreadable; the message names the file so the log says what to fix.</summary>
public sealed class StudySourceException(string file, string reason, Exception? inner = null)
    : Exception($"{file}: {reason}", inner)
{
    public string File { get; } = file;
}
