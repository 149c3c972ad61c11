namespace LabelErrors.Core.Study;

/// <summary>
/// Resolves mTurk rows whose id is not the array index through the study's index file (index → file path): IMDB's
/// review ids (<c>test/neg/10003_3</c> → <c>neg/10003_3.txt</c>) and ImageNet's image URLs
/// (<c>…/static/imagenet/val/n01440764/ILSVRC2012_val_00000293.JPEG</c>). IMDB's index file names some files more
/// than once; a checked file resolves to the first index naming it.
/// </summary>
public sealed class IndexFileLookup
{
    private const string ImageNetUrlMarker = "/static/imagenet/";
    private readonly Dictionary<string, int> _firstIndexOfFile = new(StringComparer.Ordinal);

    public IndexFileLookup(IReadOnlyList<string> indexToFile)
    {
        for (var i = 0; i < indexToFile.Count; i++)
            _firstIndexOfFile.TryAdd(indexToFile[i], i);
    }

    /// <summary>How many distinct files the index names (IMDB: 24,799 of 25,000).</summary>
    public int DistinctFiles => _firstIndexOfFile.Count;

    /// <exception cref="KeyNotFoundException">No index names the row's file.</exception>
    public int Resolve(MturkRecord record, MturkIdKind kind) => kind switch
    {
        MturkIdKind.ReviewFile => Find((record.RawId.StartsWith("test/", StringComparison.Ordinal) ? record.RawId["test/".Length..] : record.RawId) + ".txt"),
        MturkIdKind.ValidationImageNumber => Find(ImageNetPath(record.Url)),
        _ => checked((int)record.StudyIndex!.Value),
    };

    private static string ImageNetPath(string url)
    {
        var at = url.IndexOf(ImageNetUrlMarker, StringComparison.Ordinal);
        return at < 0 ? throw new KeyNotFoundException($"{url} is not an ImageNet image URL") : url[(at + ImageNetUrlMarker.Length)..];
    }

    private int Find(string file) =>
        _firstIndexOfFile.TryGetValue(file, out var index) ? index : throw new KeyNotFoundException($"{file} is not named by the index file");
}
