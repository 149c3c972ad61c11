using System.Collections.Concurrent;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Content;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Scoring;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Charting;

/// <summary>
/// The data behind the charts. The confident joint of a study set is computed once from the bundled pred_probs and
/// the imported given labels, then kept (neither changes while the app runs).
/// </summary>
public sealed class DatasetCharts(IDbContextFactory<LabelErrorsDbContext> contexts, Browse.DatasetDirectory directory, ILogger<DatasetCharts> logger)
{
    private readonly Lazy<BundledAssets?> _assets = new(() =>
        BundledAssets.FindFrom(AppContext.BaseDirectory) ?? BundledAssets.FindFrom(Directory.GetCurrentDirectory()));
    private readonly ConcurrentDictionary<string, Lazy<(long[,] Joint, double[] Noise)?>> _joints = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<ErrorRateRow>> Table1Async(CancellationToken cancellationToken = default) =>
        (await directory.StudyAsync(cancellationToken))
            .Select(d => new ErrorRateRow(d.Slug, d.Name, (double)d.Paper.ErrorPercent, (double?)d.Recomputed?.ErrorPercent))
            .ToList();

    public async Task<DatasetChartSet?> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == slug, cancellationToken);
        if (dataset is null)
            return null;
        var names = await ClassNamesAsync(db, dataset, cancellationToken);

        var joint = dataset.IsUpload ? null : await ConfidentJointAsync(db, dataset, cancellationToken);
        var confusion = joint is { } j
            ? new ConfusionGrid("Confident joint", "cleanlab's confident joint of the study's cross-validated pred_probs: row = given label, "
                + "column = the label the model is confident in. Off-diagonal cells are likely label errors.", names, j.Joint, true)
            : await FlaggedGridAsync(db, dataset, names, cancellationToken);

        var noise = joint is { } jn
            ? new NoiseRates("Estimated label noise per class", "1 − P(true = class | given = class), from cleanlab's estimate_latent on the confident joint.",
                jn.Noise.Select((rate, i) => new ClassRate(i, names[i], rate)).ToList())
            : dataset.IsUpload ? UploadNoise(dataset, names) : await ValidatedRatesAsync(db, dataset, names, cancellationToken);

        var agreement = dataset.IsUpload ? null : await AgreementAsync(db, dataset, cancellationToken);
        return new DatasetChartSet(dataset.Slug, dataset.Name, dataset.IsUpload, confusion, noise, agreement);
    }

    private static async Task<List<string>> ClassNamesAsync(LabelErrorsDbContext db, Dataset dataset, CancellationToken cancellationToken)
    {
        var known = await db.Classes.AsNoTracking().Where(c => c.DatasetId == dataset.Id).ToDictionaryAsync(c => c.Index, c => c.Name, cancellationToken);
        var k = Math.Max(dataset.ClassCount, known.Count == 0 ? 0 : known.Keys.Max() + 1);
        return Enumerable.Range(0, k).Select(i => known.TryGetValue(i, out var name) ? name : $"class {i}").ToList();
    }

    private async Task<(long[,] Joint, double[] Noise)?> ConfidentJointAsync(LabelErrorsDbContext db, Dataset dataset, CancellationToken cancellationToken)
    {
        if (StudyModelFiles.PredProbs(dataset.Slug) is not { } path || _assets.Value is not { } assets || !assets.Exists(path))
            return null;
        var labels = await db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id).OrderBy(e => e.StudyIndex)
            .Select(e => e.GivenLabel).ToArrayAsync(cancellationToken);
        if (labels.Length != dataset.TestSetSize)
            return null;
        return _joints.GetOrAdd(dataset.Slug, _ => new(() => Compute(assets, path, labels, dataset.Slug))).Value;
    }

    private (long[,] Joint, double[] Noise)? Compute(BundledAssets assets, string path, int[] labels, string slug)
    {
        try
        {
            using var stream = assets.Open(path);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            var matrix = Npy.ReadPredProbs(buffer, Path.GetFileName(path));
            if (matrix.N != labels.Length)
                return null;
            var predProbs = PredProbs.FromDouble(matrix.ToDoubleArray(), matrix.N, matrix.K);
            var joint = ConfidentJoint.Compute(labels, predProbs);
            var inverse = Latent.Estimate(joint, labels).InverseNoiseMatrix;
            var noise = Enumerable.Range(0, joint.GetLength(0)).Select(i => 1 - inverse[i, i]).ToArray();
            return (joint, noise);
        }
        catch (Exception e) when (e is LabelErrors.Core.Validation.LabelErrorsInputException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning("Confident joint of {Dataset} not computed: {Reason}", slug, e.Message);
            return null;
        }
    }

    private static async Task<ConfusionGrid?> FlaggedGridAsync(LabelErrorsDbContext db, Dataset dataset, List<string> names, CancellationToken cancellationToken)
    {
        var cells = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == dataset.Id && e.IsClFlagged && e.GuessedLabel != null)
            .GroupBy(e => new { e.GivenLabel, Guessed = e.GuessedLabel!.Value })
            .Select(g => new { g.Key.GivenLabel, g.Key.Guessed, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        if (cells.Count == 0 || names.Count == 0)
            return null;
        var counts = new long[names.Count, names.Count];
        foreach (var cell in cells.Where(c => c.GivenLabel >= 0 && c.GivenLabel < names.Count && c.Guessed >= 0 && c.Guessed < names.Count))
            counts[cell.GivenLabel, cell.Guessed] = cell.Count;
        return new ConfusionGrid("Flagged examples by given and guessed label",
            dataset.IsUpload
                ? "The examples confident learning flagged in your upload: row = given label, column = the model's label."
                : "The study released no pred_probs for this set: the examples confident learning flagged, row = given label, column = the CL-guessed label.",
            names, counts, false);
    }

    private static NoiseRates? UploadNoise(Dataset dataset, List<string> names)
    {
        var health = UploadHealth.FromJson(dataset.Upload?.HealthJson);
        if (health is null)
            return null;
        return new NoiseRates("Estimated label noise per class", "cleanlab's rank_classes_by_label_quality: the fraction of each class's given labels that are wrong.",
            health.Classes.OrderBy(c => c.ClassIndex)
                .Select(c => new ClassRate(c.ClassIndex, c.ClassIndex < names.Count ? names[c.ClassIndex] : $"class {c.ClassIndex}", c.LabelNoise)).ToList());
    }

    private static async Task<NoiseRates?> ValidatedRatesAsync(LabelErrorsDbContext db, Dataset dataset, List<string> names, CancellationToken cancellationToken)
    {
        var perClass = await db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id)
            .GroupBy(e => e.GivenLabel)
            .Select(g => new { Label = g.Key, Total = g.Count(), Errors = g.Count(e => e.IsValidatedError) })
            .ToListAsync(cancellationToken);
        if (perClass.Count == 0)
            return null;
        var complete = perClass.Sum(p => p.Total) == dataset.TestSetSize;
        return new NoiseRates("Validated label errors per class",
            complete
                ? "No pred_probs were released for this set: the share of each class's test examples that workers validated as label errors."
                : "Only the checked examples are imported for this set: the share of each class's checked examples validated as label errors.",
            perClass.Where(p => p.Label >= 0 && p.Label < names.Count).OrderBy(p => p.Label)
                .Select(p => new ClassRate(p.Label, names[p.Label], p.Total == 0 ? 0 : (double)p.Errors / p.Total)).ToList());
    }

    private static async Task<AgreementHistogram?> AgreementAsync(LabelErrorsDbContext db, Dataset dataset, CancellationToken cancellationToken)
    {
        var votes = await db.Examples.AsNoTracking().Where(e => e.DatasetId == dataset.Id && e.Votes != null)
            .Select(e => new { e.Votes!.Given, e.Votes.Guessed })
            .ToListAsync(cancellationToken);
        if (votes.Count == 0)
            return null;
        // Some MNIST rows had 9 or 10 workers: "5+" keeps the axis at the study's 0–5.
        const int last = 5;
        var guessed = new double[last + 1];
        var given = new double[last + 1];
        foreach (var v in votes)
        {
            guessed[Math.Clamp(v.Guessed, 0, last)]++;
            given[Math.Clamp(v.Given, 0, last)]++;
        }
        var buckets = Enumerable.Range(0, last + 1).Select(i => i == last ? "5+" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new AgreementHistogram(buckets, guessed, given, votes.Count);
    }
}
