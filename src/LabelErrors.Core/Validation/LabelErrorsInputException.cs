namespace LabelErrors.Core.Validation;

/// <summary>
/// A problem with a user's input file. The message is always one line, shaped
/// <c>&lt;file&gt;: row &lt;r&gt;: &lt;reason&gt;</c> or <c>&lt;file&gt;: &lt;reason&gt;</c>,
/// so a command-line tool can print it as is instead of a stack trace.
/// </summary>
public sealed class LabelErrorsInputException : Exception
{
    public LabelErrorsInputException(string fileName, string reason, long? row = null, Exception? inner = null)
        : base(Format(fileName, reason, row), inner)
    {
        FileName = fileName;
        Reason = reason;
        Row = row;
    }

    /// <summary>Display name of the file (as given by the user), or a placeholder such as "&lt;stream&gt;".</summary>
    public string FileName { get; }

    public string Reason { get; }

    /// <summary>The row as the file counts it: a line number (from 1) for text files, the example index (from 0, as numpy and JSON count) for arrays. Null when not tied to a row.</summary>
    public long? Row { get; }

    private static string Format(string fileName, string reason, long? row)
    {
        // Keep it one line whatever the reason contains (file names or values can carry newlines).
        var oneLineReason = reason.ReplaceLineEndings(" ");
        return row is { } r ? $"{fileName}: row {r}: {oneLineReason}" : $"{fileName}: {oneLineReason}";
    }
}
