using System.CommandLine;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Input;

/// <summary>
/// --stream and --progress, and the rule that picks the streaming path: forced by --stream, automatic for a
/// float .npy pred_probs file above 1 GiB or a quarter of the memory available to the process, whichever is smaller.
/// Both paths give the same output.
/// </summary>
public sealed class StreamingChoice
{
    public const long AutomaticThresholdBytes = 1L << 30;

    public Option<bool> Stream { get; } = new("--stream")
    {
        Description = "Read pred_probs (.npy, float16/32/64) in blocks instead of loading it: a few passes, memory independent of the file size. Automatic above 1 GiB.",
    };

    public Option<bool> ShowProgress { get; } = new("--progress")
    {
        Description = "Show a progress bar on stderr even when stderr is not a terminal.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Stream);
        command.Options.Add(ShowProgress);
    }

    public bool ShouldStream(ParseResult parseResult, string predProbsPath)
    {
        if (parseResult.GetValue(Stream)) return true;
        if (!predProbsPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || !File.Exists(predProbsPath)) return false;
        long threshold = Math.Min(AutomaticThresholdBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        return new FileInfo(predProbsPath).Length > threshold && IsFloatNpy(predProbsPath);
    }

    public bool ProgressBarWanted(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(ShowProgress) || context.ErrorIsTerminal;

    private static bool IsFloatNpy(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return NpyHeader.Read(stream, path).DataType is NpyDataType.Float16 or NpyDataType.Float32 or NpyDataType.Float64;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Validation.LabelErrorsInputException)
        {
            return false; // the in-memory path reports the problem
        }
    }
}
