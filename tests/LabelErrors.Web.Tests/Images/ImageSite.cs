using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Web.Tests.Images;

/// <summary>A test database with the app on it, and helpers to seed datasets and examples with EF Core.</summary>
public sealed class ImageSite : IAsyncDisposable
{
    private ImageSite(TestDatabase database, LabelErrorsAppFactory app)
    {
        Database = database;
        App = app;
        Client = app.CreateClient();
    }

    public TestDatabase Database { get; }
    public LabelErrorsAppFactory App { get; }
    public HttpClient Client { get; }

    public static async Task<ImageSite> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        var app = new LabelErrorsAppFactory(database.ConnectionString, settings: settings);
        var site = new ImageSite(database, app);
        await site.Client.GetAsync("/healthz"); // starts the host, which migrates
        return site;
    }

    public async Task<Dataset> AddDatasetAsync(string slug, string name, Modality modality, long testSetSize, IReadOnlyList<string> classes)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var dataset = new Dataset
        {
            Slug = slug, Name = name, Modality = modality, TestSetSize = testSetSize, ClassCount = classes.Count,
            Classes = classes.Select((c, i) => new DatasetClass { Index = i, Name = c }).ToList(),
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return dataset;
    }

    public async Task AddExampleAsync(Dataset dataset, long studyIndex, int given, int? guessed = null, bool validated = false,
        ConsensusCategory? consensus = null, string? sourceUrl = null)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Examples.Add(new Example
        {
            DatasetId = dataset.Id, StudyIndex = studyIndex, GivenLabel = given, GuessedLabel = guessed,
            IsClFlagged = guessed is not null, IsMturkChecked = consensus is not null, IsValidatedError = validated, Consensus = consensus,
            Votes = consensus is null && sourceUrl is null ? null : new MturkVotes { Given = 1, Guessed = 4, Total = 5, SourceUrl = sourceUrl },
        });
        await db.SaveChangesAsync();
    }

    public async Task<Image<Rgb24>> GetImageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return Image.Load<Rgb24>(await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Writes the image to TestResults/images so a person can look at it.</summary>
    public static void SaveForReview(Image image, string name)
    {
        Directory.CreateDirectory(Path.Combine(RepositoryPaths.TestResults, "images"));
        image.SaveAsPng(Path.Combine(RepositoryPaths.TestResults, "images", name + ".png"));
    }

    public static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
