using System.Net;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Charting;
using LabelErrors.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Api;

/// <summary>The charts work for an upload too: flagged examples by given/model label, and the stored per-class noise.</summary>
public sealed class UploadChartsTests
{
    [Fact]
    public async Task An_uploads_charts_come_from_its_flagged_examples_and_stored_health()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var client = app.CreateClient();
        await client.GetAsync("/healthz");

        var health = new UploadHealth([new ClassLabelQuality(0, 1, 2, 0.25, 0.1, 0.75), new ClassLabelQuality(1, 2, 1, 0.5, 0.2, 0.5)], [], 3);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync())
        {
            var dataset = new Dataset
            {
                Slug = "u-charttest", Name = "My upload", Modality = Modality.Image, TestSetSize = 4, ClassCount = 2, IsUpload = true,
                Upload = new UploadInfo { ShareToken = "charttest", OwnerKeyHash = "x", StoragePath = "/nowhere", HealthJson = health.ToJson() },
                Classes = [new DatasetClass { Index = 0, Name = "cat" }, new DatasetClass { Index = 1, Name = "dog" }],
            };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            db.Examples.AddRange(
                new Example { DatasetId = dataset.Id, StudyIndex = 0, GivenLabel = 0, GuessedLabel = 1, IsClFlagged = true },
                new Example { DatasetId = dataset.Id, StudyIndex = 1, GivenLabel = 0, GuessedLabel = 1, IsClFlagged = true },
                new Example { DatasetId = dataset.Id, StudyIndex = 2, GivenLabel = 1, GuessedLabel = 0, IsClFlagged = true },
                new Example { DatasetId = dataset.Id, StudyIndex = 3, GivenLabel = 1 });
            await db.SaveChangesAsync();
        }

        var charts = await app.Services.GetRequiredService<DatasetCharts>().LoadAsync("u-charttest");
        Assert.NotNull(charts);
        Assert.True(charts.IsUpload);
        Assert.False(charts.Confusion!.IsConfidentJoint);
        Assert.Equal(new long[,] { { 0, 2 }, { 1, 0 } }, charts.Confusion.Counts);
        Assert.Equal([0.25, 0.5], charts.Noise!.Rates.Select(r => r.Rate));
        Assert.Equal(["cat", "dog"], charts.Noise.Rates.Select(r => r.ClassName));
        Assert.Null(charts.Agreement);

        var page = await client.GetAsync("/charts/u-charttest");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("/d/u-charttest?scope=flagged&amp;given=0&amp;guessed=1", html);
        Assert.Contains("Uploads have no worker votes.", html);
    }
}
