using System.CommandLine;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Input;

/// <summary>
/// --stream, --in-memory and --progress, and the rule that picks the streaming path for a float .npy pred_probs file:
/// forced by --stream; required above 1 GiB or a quarter of the memory available to the process, whichever is
/// smaller; preferred above 64 MiB when the request can stream, because a few block passes over the file are then
/// faster than loading it (1M x 100 float32: 0.9 s against 1.2 s end to end) and need a fraction of the memory.
/// Both paths give the same output (tested), so the choice is about speed and memory only.
/// </summary>
public sealed class StreamingChoice
{
    public const long AutomaticThresholdBytes = 1L << 30;
    public const long PreferredThresholdBytes = 64L << 20;

    public Option<bool> Stream { get; } = new("--stream")
    {
        Description = "Read pred_probs (.npy, float16/32/64) in blocks instead of loading it: a few passes, memory independent of the file size. Automatic above 1 GiB, and above 64 MiB when the options allow it.",
    };

    public Option<bool> InMemory { get; } = new("--in-memory")
    {
        Description = "Load pred_probs whole even where streaming would be chosen automatically (same output).",
    };

    public Option<bool> ShowProgress { get; } = new("--progress")
    {
        Description = "Show a progress bar on stderr even when stderr is not a terminal.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Stream);
        command.Options.Add(InMemory);
        command.Options.Add(ShowProgress);
    }

    /// <param name="canStream">False when the options ask for what only the in-memory path does (another
    /// filter, --renormalize): such a request streams only when the file is too large to load, and is then refused
    /// with a message.</param>
    public bool ShouldStream(ParseResult parseResult, string predProbsPath, bool canStream = true)
    {
        if (parseResult.GetValue(Stream)) return true;
        if (parseResult.GetValue(InMemory)) return false;
        if (!predProbsPath.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || !File.Exists(predProbsPath)) return false;
        long size = new FileInfo(predProbsPath).Length;
        long required = Math.Min(AutomaticThresholdBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);
        bool wanted = size > required || (canStream && size > PreferredThresholdBytes);
        return wanted && IsFloatNpy(predProbsPath);
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
