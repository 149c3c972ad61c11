using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

internal static class StreamingRun
{
    /// <summary>Streaming settings of a command: all cores, and a progress bar when stderr is a terminal or --progress is given.</summary>
    public static StreamingOptions Options(StreamingChoice choice, ParseResult parseResult, CliContext context) => new()
    {
        Progress = choice.ProgressBarWanted(parseResult, context) ? new ProgressBar(context.Error, inPlace: context.ErrorIsTerminal) : null,
    };

    /// <summary>Refuses, naming the figure, a streaming run whose per-example arrays and K×K matrices would not fit in memory.</summary>
    public static void EnsureMemory(StreamedInputs inputs, FilterBy filterBy, StreamingOptions streaming, string predProbsPath)
    {
        var source = inputs.PredProbs;
        long needed = StreamingMemory.Estimate(source.N, source.K, source.RowBytes / source.K, filterBy, streaming.MaxDegreeOfParallelism);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed > available)
            throw new LabelErrorsInputException(predProbsPath,
                $"--filter-by {SnakeCaseChoices.Name(filterBy)} on {source.N}×{source.K} needs about {StreamingMemory.Format(needed)} of memory even when streaming "
                + $"(arrays of one element per example and K×K count matrices); {StreamingMemory.Format(available)} are available");
    }
}
