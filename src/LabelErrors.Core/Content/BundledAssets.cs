using System.IO.Compression;

namespace LabelErrors.Core.Content;

/// <summary>
/// The study's bundled files under <c>wwwroot-assets/</c>. Large files are stored as <c>&lt;name&gt;.gz</c>;
/// <see cref="Open"/> hides that, so callers always ask for the original name.
/// </summary>
public sealed class BundledAssets(string root)
{
    public const string FolderName = "wwwroot-assets";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The folder named <see cref="FolderName"/> in <paramref name="start"/> or the nearest parent that has one.</summary>
    public static BundledAssets? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FolderName);
            if (Directory.Exists(candidate))
                return new BundledAssets(candidate);
        }
        return null;
    }

    /// <summary>Whether <paramref name="relativePath"/> (as originally named, without .gz) is bundled.</summary>
    public bool Exists(string relativePath)
    {
        var path = FullPath(relativePath);
        return File.Exists(path) || File.Exists(path + ".gz");
    }

    /// <summary>Opens the file for reading, decompressing transparently when it is stored as .gz.</summary>
    /// <exception cref="FileNotFoundException">Neither the file nor its .gz is bundled.</exception>
    public Stream Open(string relativePath)
    {
        var path = FullPath(relativePath);
        if (File.Exists(path))
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (File.Exists(path + ".gz"))
            return new GZipStream(new FileStream(path + ".gz", FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), CompressionMode.Decompress);
        throw new FileNotFoundException($"Bundled file {relativePath} (or {relativePath}.gz) not found under {Root}", relativePath);
    }

    /// <summary>Reads the whole (decompressed) file; for the small index and vote files.</summary>
    public byte[] ReadAllBytes(string relativePath)
    {
        using var stream = Open(relativePath);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private string FullPath(string relativePath)
    {
        // Only paths inside the bundle: the names come from our own code, but a bad one must not escape the folder.
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"{relativePath} is outside the bundled assets", nameof(relativePath));
        return full;
    }
}
