using LabelErrors.Core.Content;

namespace LabelErrors.Data.Tests.Import;

/// <summary>A throw-away copy of the bundled assets folder, to break one file without touching the repository.</summary>
internal sealed class AssetsCopy : IDisposable
{
    private AssetsCopy(string root) => Root = root;

    public string Root { get; }
    public BundledAssets Assets => new(Root);

    public static AssetsCopy Of(BundledAssets source)
    {
        var root = Directory.CreateTempSubdirectory("labelerrors-assets-").FullName;
        foreach (var file in Directory.EnumerateFiles(source.Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source.Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new AssetsCopy(root);
    }

    /// <summary>Cuts the stored file (as named on disk, e.g. with .gz) to half its length, as an interrupted copy would.</summary>
    public void Truncate(string storedRelativePath)
    {
        var path = Path.Combine(Root, storedRelativePath);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
        stream.SetLength(stream.Length / 2);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
