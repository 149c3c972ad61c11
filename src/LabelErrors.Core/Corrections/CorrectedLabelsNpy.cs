using LabelErrors.Core.Formats;

namespace LabelErrors.Core.Corrections;

/// <summary>
/// A 1-D little-endian int64 array aligned with the study's index order (element i is example i's corrected
/// label), so it lines up with the study's pred_probs; −1 marks a dropped example. Only for a complete test set.
/// </summary>
public static class CorrectedLabelsNpy
{
    public const long DroppedMarker = -1;
    public const string MediaType = "application/octet-stream";

    public static void Write(Stream stream, CorrectedLabelSet set)
    {
        if (!set.IsContiguous)
            throw new InvalidOperationException("an .npy export needs the whole test set (indices 0…n−1); this set has gaps");
        var labels = new long[set.Rows.Count];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = set.Rows[i].CorrectedLabel ?? DroppedMarker;
        Npy.Write(stream, labels, labels.Length);
    }
}
