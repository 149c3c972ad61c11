namespace LabelErrors.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure inside the tool (a bug); the message names it in one line.</summary>
    public const int InternalError = 1;

    /// <summary>Bad command line or bad input files; a one-line message says what and where.</summary>
    public const int BadInput = 2;

    /// <summary>Stopped by Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
