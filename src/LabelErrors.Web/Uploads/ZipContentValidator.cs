using System.Globalization;
using System.IO.Compression;
using SixLabors.ImageSharp;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Checks a content zip of images named by example index (<c>17.png</c>) and extracts the images that pass into the
/// staging folder. Refuses path traversal and absolute paths, too many entries, a real decompressed size above the
/// cap (counted while inflating, never trusting the headers: zip bombs), and images that do not decode or are larger
/// than the configured side (checked from the header before any pixel is decoded).
/// </summary>
public static class ZipContentValidator
{
    public static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"];

    public static int ExtractImages(StagedFile zip, string targetFolder, int exampleCount, UploadOptions limits, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(targetFolder);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zip.Path);
        }
        catch (InvalidDataException e)
        {
            throw Reject(zip, $"not a readable zip archive ({e.Message})");
        }

        using (archive)
        {
            if (archive.Entries.Count > limits.MaxZipEntries)
                throw Reject(zip, $"{archive.Entries.Count} entries; at most {limits.MaxZipEntries} are accepted");

            var seen = new HashSet<long>();
            long totalBytes = 0;
            foreach (var entry in archive.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                CheckPath(zip, entry.FullName);
                if (entry.FullName.EndsWith('/'))
                    continue; // a folder entry
                var name = entry.Name;
                var extension = Path.GetExtension(name).ToLowerInvariant();
                if (!ImageExtensions.Contains(extension))
                    throw Reject(zip, $"entry '{entry.FullName}': only images named by example index are accepted ({string.Join(", ", ImageExtensions)})");
                if (!long.TryParse(Path.GetFileNameWithoutExtension(name), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    throw Reject(zip, $"entry '{entry.FullName}': the name must be the example index, e.g. 17{extension}");
                if (index >= exampleCount)
                    throw Reject(zip, $"entry '{entry.FullName}': index {index} is out of range; the labels have {exampleCount} examples (0..{exampleCount - 1})");
                if (!seen.Add(index))
                    throw Reject(zip, $"entry '{entry.FullName}': a second image for example {index}");

                var target = Path.Combine(targetFolder, index.ToString(CultureInfo.InvariantCulture) + extension);
                totalBytes += CopyBounded(zip, entry, target, limits.MaxContentUncompressedBytes - totalBytes);
                CheckImage(zip, entry.FullName, target, limits.MaxImageSide);
            }
            if (seen.Count == 0)
                throw Reject(zip, "the zip holds no images");
            return seen.Count;
        }
    }

    private static void CheckPath(StagedFile zip, string entryName)
    {
        var normalized = entryName.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(entryName) || (normalized.Length > 1 && normalized[1] == ':'))
            throw Reject(zip, $"entry '{entryName}' has an absolute path");
        if (normalized.Split('/').Any(part => part == ".."))
            throw Reject(zip, $"entry '{entryName}' leaves the archive's folder (path traversal)");
    }

    private static long CopyBounded(StagedFile zip, ZipArchiveEntry entry, string target, long remaining)
    {
        var buffer = new byte[1 << 16];
        long written = 0;
        try
        {
            using var source = entry.Open();
            using var output = File.Create(target);
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                written += read;
                if (written > remaining)
                    throw Reject(zip, "decompressed content is larger than the limit of " +
                        UploadStorage.FormatBytes(remaining + written - read) + " (zip bomb?)");
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw Reject(zip, $"entry '{entry.FullName}' is corrupt ({e.Message})");
        }
        return written;
    }

    private static void CheckImage(StagedFile zip, string entryName, string path, int maxSide)
    {
        try
        {
            var info = Image.Identify(path);
            if (info is null)
                throw Reject(zip, $"entry '{entryName}' is not an image ImageSharp can read");
            if (info.Width > maxSide || info.Height > maxSide)
                throw Reject(zip, $"entry '{entryName}' is {info.Width}×{info.Height} pixels; at most {maxSide} per side");
            using var image = Image.Load(path);
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException)
        {
            throw Reject(zip, $"entry '{entryName}' is not a valid image ({e.Message})");
        }
    }

    private static UploadRejectedException Reject(StagedFile zip, string reason) =>
        new(UploadField.Content, $"{zip.FileName}: {reason}");
}
