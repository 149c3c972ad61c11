using System.Security.Cryptography;
using System.Text;
using LabelErrors.Core.Content;
using LabelErrors.Core.Study;

namespace LabelErrors.Data.Import;

/// <summary>SHA-256 over a dataset's bundled source files as stored (names and bytes), to notice changed sources.</summary>
internal static class SourceHash
{
    public static string Of(BundledAssets assets, StudyDataset study)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in study.SourceFiles())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            var stored = StoredPath(assets, file);
            if (stored is null)
            {
                hash.AppendData("missing\n"u8);
                continue;
            }
            using var stream = new FileStream(stored, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int read;
            while ((read = stream.Read(buffer)) > 0)
                hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? StoredPath(BundledAssets assets, string file)
    {
        var path = Path.Combine(assets.Root, file);
        return File.Exists(path) ? path : File.Exists(path + ".gz") ? path + ".gz" : null;
    }
}
