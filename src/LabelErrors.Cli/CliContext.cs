namespace LabelErrors.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, bool errorIsTerminal)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when stderr is an interactive terminal, where progress lines help rather than clutter.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public void Warn(string message) => Error.WriteLine($"labelerrors: warning: {message}");
}
