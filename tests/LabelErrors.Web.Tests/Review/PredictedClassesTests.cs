using System.Globalization;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Review;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review;

/// <summary>
/// The review's ranked classes come from the stored pred_probs: one row read from a float .npy, or the whole matrix of
/// any other file (here CSV). Both give every class ranked by the uploaded probabilities, ties by class index.
/// </summary>
public sealed class PredictedClassesTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private SyntheticUpload _data = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _data = new SyntheticUpload(examples: 90, classes: 4, seed: 5, flipFraction: 0.15);
    }

    public async Task DisposeAsync()
    {
        _data.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task A_float_npy_upload_ranks_each_examples_classes_by_its_row() =>
        await AssertRankedAsync(_data.PredProbsPath, tolerance: 0);

    [Fact]
    public async Task A_csv_upload_ranks_each_examples_classes_by_its_row() =>
        await AssertRankedAsync(WritePredProbsCsv(), tolerance: 1e-6);

    private async Task AssertRankedAsync(string predProbsPath, double tolerance)
    {
        var (token, _) = await _site.UploadAsync(new UploadForm().Field("name", "ranked").File("labels", _data.LabelsPath)
            .File("pred_probs", predProbsPath));
        await using var db = await _site.DbAsync();
        var slug = ShareTokens.Slug(token);
        var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Slug == slug);
        var predicted = _site.Services.GetRequiredService<PredictedClasses>();

        foreach (var index in new[] { 0, 1, 17, 44, _data.Examples - 1 })
        {
            var ranked = await predicted.RankedAsync(dataset, index);
            var expected = Enumerable.Range(0, _data.Classes).Select(c => (Label: c, Probability: (double)_data.PredProbs[index * _data.Classes + c]))
                .OrderByDescending(p => p.Probability).ThenBy(p => p.Label).ToList();
            Assert.Equal(expected.Select(p => p.Label), ranked.Select(p => p.Label));
            Assert.All(expected.Zip(ranked), pair => Assert.Equal(pair.First.Probability, pair.Second.Probability, tolerance));
        }
        Assert.Empty(await predicted.RankedAsync(dataset, _data.Examples));
    }

    private string WritePredProbsCsv()
    {
        var path = Path.Combine(_data.Folder, "pred_probs.csv");
        var lines = Enumerable.Range(0, _data.Examples).Select(i => string.Join(",",
            Enumerable.Range(0, _data.Classes).Select(c => _data.PredProbs[i * _data.Classes + c].ToString("R", CultureInfo.InvariantCulture))));
        File.WriteAllLines(path, lines);
        return path;
    }
}
