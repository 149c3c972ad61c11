using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Core.ConfidentLearning.Streaming;

namespace LabelErrors.Cli.Commands;

internal static class StreamingRun
{
    /// <summary>Streaming settings of a command: all cores, and a progress bar when stderr is a terminal or --progress is given.</summary>
    public static StreamingOptions Options(StreamingChoice choice, ParseResult parseResult, CliContext context) => new()
    {
        Progress = choice.ProgressBarWanted(parseResult, context) ? new ProgressBar(context.Error, inPlace: context.ErrorIsTerminal) : null,
    };
}
