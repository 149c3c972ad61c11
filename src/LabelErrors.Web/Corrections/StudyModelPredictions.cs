using LabelErrors.Core.Content;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Scoring;

namespace LabelErrors.Web.Corrections;

/// <summary>
/// The study's own cross-validated predicted labels, read from the bundled assets once per dataset and kept (they
/// never change while the app runs). Null where the study released none or the assets are not deployed.
/// </summary>
public sealed class StudyModelPredictions
{
    private readonly Lazy<BundledAssets?> _assets = new(() =>
        BundledAssets.FindFrom(AppContext.BaseDirectory) ?? BundledAssets.FindFrom(Directory.GetCurrentDirectory()));
    private readonly Dictionary<string, int[]?> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public int[]? PredictedLabels(string slug)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(slug, out var cached))
                return cached;
        }
        var labels = Read(slug);
        lock (_lock)
            _cache[slug] = labels;
        return labels;
    }

    private int[]? Read(string slug)
    {
        if (StudyModelFiles.PredictedLabels(slug) is not { } path || _assets.Value is not { } assets || !assets.Exists(path))
            return null;
        using var stream = assets.Open(path);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return Npy.ReadLabels(buffer, Path.GetFileName(path));
    }
}
