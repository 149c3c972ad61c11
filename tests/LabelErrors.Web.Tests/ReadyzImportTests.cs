using System.Net;
using System.Text.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests;

public sealed class ReadyzImportTests
{
    [Fact]
    public async Task Readyz_names_the_datasets_the_start_up_import_could_not_import()
    {
        // A study data folder holding only QuickDraw's votes: QuickDraw imports, the other nine fail naming their file.
        var assets = Directory.CreateTempSubdirectory("labelerrors-assets-").FullName;
        try
        {
            var source = Path.Combine(RepositoryPaths.Root, "wwwroot-assets", "label-errors");
            Directory.CreateDirectory(Path.Combine(assets, "label-errors", "mturk"));
            File.Copy(Path.Combine(source, "classes.json"), Path.Combine(assets, "label-errors", "classes.json"));
            File.Copy(Path.Combine(source, "mturk", "quickdraw_mturk.json.gz"), Path.Combine(assets, "label-errors", "mturk", "quickdraw_mturk.json.gz"));

            await using var database = await TestDatabase.CreateAsync();
            await using var app = new LabelErrorsAppFactory(database.ConnectionString, settings: new Dictionary<string, string?>
            {
                ["Import:OnStart"] = "true",
                ["Import:AssetsRoot"] = assets,
            });
            var client = app.CreateClient();

            var (status, body) = await WaitForAsync(client, json => json.GetProperty("datasets").GetProperty("missing").GetArrayLength() == 0);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var datasets = body.GetProperty("datasets");
            Assert.Equal(["quickdraw"], datasets.GetProperty("imported").EnumerateArray().Select(e => e.GetString()));
            var failed = datasets.GetProperty("failed");
            Assert.Equal(9, failed.EnumerateObject().Count());
            Assert.Contains("label-errors/mturk/amazon_mturk.json: missing", failed.GetProperty("amazon").GetString());
        }
        finally
        {
            Directory.Delete(assets, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_lists_missing_datasets_but_stays_ready_when_this_instance_does_not_import()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var response = await app.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var missing = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("datasets").GetProperty("missing");
        Assert.Equal(10, missing.GetArrayLength());
        Assert.Contains("imagenet", missing.EnumerateArray().Select(e => e.GetString()));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForAsync(HttpClient client, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var response = await client.GetAsync("/readyz");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if ((body.TryGetProperty("datasets", out _) && done(body)) || DateTime.UtcNow > deadline)
                return (response.StatusCode, body);
            await Task.Delay(250);
        }
    }
}
