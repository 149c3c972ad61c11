using System.Text.Json;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// A configured folder of JPEG/PNG files (ImageNet validation set, Caltech-256) addressed by the study's index file
/// (a JSON array: position = study index, value = path relative to the dataset's folder). Joins are traversal-safe.
/// </summary>
public sealed class IndexedImageFolder(string root, IReadOnlyList<string> indexToPath)
{
    public string Root { get; } = root;
    public int Count => indexToPath.Count;

    public static IReadOnlyList<string> ReadIndex(Stream json) =>
        JsonSerializer.Deserialize<string[]>(json) ?? throw new InvalidDataException("the index file is not a JSON array of paths");

    /// <summary>The index file's path for the example (as the study names it), or null when out of range.</summary>
    public string? RelativePath(long index) => index >= 0 && index < indexToPath.Count ? indexToPath[(int)index] : null;

    /// <summary>
    /// The file of the example, or null when it is missing or its name would leave the folder. The study's paths
    /// start with the split folder ("val/…"); a root that already is that folder works too.
    /// </summary>
    public string? FindFile(long index)
    {
        if (RelativePath(index) is not { } relative)
            return null;
        if (SafePath.Join(Root, relative) is { } direct && File.Exists(direct))
            return direct;
        var slash = relative.IndexOf('/');
        if (slash > 0 && SafePath.Join(Root, relative[(slash + 1)..]) is { } inner && File.Exists(inner))
            return inner;
        return null;
    }
}
