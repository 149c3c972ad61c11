namespace LabelErrors.Core.Corrections;

/// <summary>The download formats of a corrected test set.</summary>
public enum CorrectedLabelsFormat
{
    Csv,
    Json,
    Npy,
}

public static class CorrectedLabelsFormatNames
{
    public static CorrectedLabelsFormat? TryParse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" or "csv" => CorrectedLabelsFormat.Csv,
        "json" => CorrectedLabelsFormat.Json,
        "npy" => CorrectedLabelsFormat.Npy,
        _ => null,
    };

    public static string Extension(CorrectedLabelsFormat format) => format switch
    {
        CorrectedLabelsFormat.Json => "json",
        CorrectedLabelsFormat.Npy => "npy",
        _ => "csv",
    };

    public static string MediaType(CorrectedLabelsFormat format) => format switch
    {
        CorrectedLabelsFormat.Json => CorrectedLabelsJson.MediaType,
        CorrectedLabelsFormat.Npy => CorrectedLabelsNpy.MediaType,
        _ => CorrectedLabelsCsv.MediaType,
    };

    /// <summary>Writes <paramref name="set"/> in <paramref name="format"/>.</summary>
    public static void Write(Stream stream, CorrectedLabelSet set, string dataset, CorrectedLabelsFormat format)
    {
        switch (format)
        {
            case CorrectedLabelsFormat.Json: CorrectedLabelsJson.Write(stream, set, dataset); break;
            case CorrectedLabelsFormat.Npy: CorrectedLabelsNpy.Write(stream, set); break;
            default: CorrectedLabelsCsv.Write(stream, set); break;
        }
    }
}
