namespace LabelErrors.Core.Imaging;

/// <summary>Joins a relative name from an index file to a configured folder without ever leaving that folder.</summary>
public static class SafePath
{
    /// <summary>
    /// The full path of <paramref name="relative"/> under <paramref name="root"/>, or null when the name is absolute,
    /// climbs out with "..", or resolves (also through a symbolic link) to a place outside the root.
    /// </summary>
    public static string? Join(string root, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || relative.Contains('\0') || Path.IsPathRooted(relative))
            return null;
        var segments = relative.Split('/', '\\');
        if (segments.Any(s => s is ".." || s.Length == 0))
            return null;

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var full = Path.GetFullPath(Path.Combine(fullRoot, Path.Combine(segments)));
        if (!IsUnder(fullRoot, full))
            return null;

        // A link inside the folder may point anywhere; follow it and check again.
        var resolvedRoot = ResolveLinks(fullRoot);
        var resolved = ResolveLinks(full);
        return IsUnder(resolvedRoot, resolved) ? full : null;
    }

    private static bool IsUnder(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string ResolveLinks(string path)
    {
        // Resolve every existing component from the root down, so a linked directory in the middle is caught too.
        var parts = path.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = Path.GetPathRoot(path) ?? "/";
        foreach (var part in parts)
        {
            current = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (!info.Exists || info.LinkTarget is null)
                continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is not null)
                current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target.FullName));
        }
        return current;
    }
}
