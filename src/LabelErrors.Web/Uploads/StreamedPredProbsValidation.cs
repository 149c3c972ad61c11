using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Upload-time validation of a pred_probs .npy that the core can read in row blocks (float16/32/64, C order, native
/// byte order, a valid N×K shape, not truncated): the core's <see cref="StreamingInputValidator"/> with the same checks
/// and messages as <see cref="InputValidator"/>, so a POST never holds the matrix (1M×100 float32 is 400 MB).
/// Every other file (CSV, Fortran order, integer dtypes, byte-swapped, truncated, malformed) is left to the in-memory
/// readers, so their refusals keep exactly the messages they have always had.
/// </summary>
public static class StreamedPredProbsValidation
{
    /// <summary>The class count and warnings, or null when the file is not one this path streams.</summary>
    public static (int ClassCount, IReadOnlyList<string> Warnings)? TryValidate(
        LabelsInput labels, string predProbsPath, string predProbsDisplayName, IReadOnlyList<string>? classNames,
        string? classNamesDisplayName, CancellationToken cancellationToken)
    {
        if (!UploadInputs.IsNpy(predProbsDisplayName) || !CanStream(predProbsPath))
            return null;
        using var source = NpyPredProbsFile.Open(predProbsPath);
        var warnings = StreamingInputValidator.Validate(labels, predProbsDisplayName, source, classNames, classNamesDisplayName,
            cancellationToken: cancellationToken);
        return (source.K, warnings);
    }

    /// <summary>Whether the header describes a file <see cref="NpyPredProbsFile"/> opens without complaint.</summary>
    public static bool CanStream(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var header = NpyHeader.Read(stream, path);
            return header.Shape is [> 0 and <= int.MaxValue, >= 2]
                && header.DataType is NpyDataType.Float16 or NpyDataType.Float32 or NpyDataType.Float64
                && !header.FortranOrder
                && !header.NeedsByteSwap
                && header.Shape[1] <= int.MaxValue / header.ItemSize
                && stream.Length - header.DataOffset >= header.DataLength;
        }
        catch (Exception e) when (e is LabelErrorsInputException or OverflowException)
        {
            return false; // the in-memory reader reports it, with its usual message
        }
    }
}
