using System.Globalization;
using System.Net;
using System.Text.Json;
using LabelErrors.Cli;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// Every multi-class upload stores each example's outlier score and flag (equal to the CLI's <c>outliers</c> on the
/// same files, itself tested against cleanlab), its health summary counts them and judges class imbalance, and the API
/// lists the Outliers scope lowest score first.
/// </summary>
public sealed class UploadOutlierTests
{
    [Fact]
    public async Task An_upload_stores_the_CLIs_outlier_scores_and_flags_and_the_api_lists_the_outliers_scope()
    {
        using var data = new SyntheticUpload(examples: 1200, classes: 4, seed: 5);
        var seeded = data.AddUniformRows(first: 17, every: 150);
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());

        var expected = await CliOutliersAsync(data);
        await using var db = await app.DbAsync();
        var rows = await db.Examples.AsNoTracking().OrderBy(e => e.StudyIndex)
            .Select(e => new { e.StudyIndex, e.OutlierScore, e.IsOutlier }).ToListAsync();
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            var (score, flag) = expected[(int)row.StudyIndex];
            Assert.Equal(score, row.OutlierScore);
            Assert.Equal(flag, row.IsOutlier);
        }
        var outliers = expected.Where(e => e.Flag).Count();
        Assert.All(seeded, i => Assert.True(expected[i].Flag, $"seeded row {i} is an outlier"));

        using var summary = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/uploads/{token}"));
        var root = summary.RootElement;
        Assert.Equal("succeeded", root.GetProperty("state").GetString());
        Assert.Equal(outliers, root.GetProperty("outliers").GetInt32());
        var imbalance = root.GetProperty("classImbalance");
        var rarest = data.Labels.GroupBy(l => l).OrderBy(g => g.Count()).ThenBy(g => g.Key).First();
        Assert.Equal((int)rarest.Key, imbalance.GetProperty("rarestClass").GetInt32());
        Assert.Equal(rarest.Count(), imbalance.GetProperty("rarestClassCount").GetInt64());
        Assert.Equal(0.1 / 4, imbalance.GetProperty("shareThreshold").GetDouble(), 12);
        Assert.False(imbalance.GetProperty("imbalanced").GetBoolean());

        // The Outliers scope, paged by cursor, is the flagged rows by score (ties by index), with their fields.
        var listed = new List<JsonElement>();
        string? next = $"/api/v1/uploads/{token}/examples?scope=outliers&size=5";
        while (next is not null)
        {
            using var page = JsonDocument.Parse(await app.Client.GetStringAsync(next));
            Assert.Equal(outliers, page.RootElement.GetProperty("totalCount").GetInt32());
            listed.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.Clone()));
            next = page.RootElement.GetProperty("next").GetString();
        }
        var order = expected.Select((e, i) => (e.Score, e.Flag, Index: i)).Where(e => e.Flag)
            .OrderBy(e => e.Score).ThenBy(e => e.Index).Select(e => (long)e.Index).ToArray();
        Assert.Equal(order, listed.Select(i => i.GetProperty("index").GetInt64()).ToArray());
        Assert.All(listed, i => Assert.True(i.GetProperty("isOutlier").GetBoolean()));
        Assert.Equal(expected[(int)order[0]].Score, listed[0].GetProperty("outlierScore").GetDouble());
        Assert.StartsWith($"/u/{token}/{order[0]}?scope=outliers", listed[0].GetProperty("page").GetString());

        // Every example carries its score in the other scopes too.
        using var all = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/uploads/{token}/examples?scope=all&size=3"));
        Assert.All(all.RootElement.GetProperty("items").EnumerateArray(), i => Assert.Equal(JsonValueKind.Number, i.GetProperty("outlierScore").ValueKind));
    }

    [Fact]
    public async Task The_results_api_answers_problems_for_an_unknown_upload_and_a_foreign_cursor()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3, seed: 9);
        await using var app = await TestSite.StartAsync();
        var missing = await app.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/examples?scope=outliers");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        using var page = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/v1/uploads/{token}/examples?scope=all&size=2"));
        var cursor = page.RootElement.GetProperty("nextCursor").GetString();
        var foreign = await app.Client.GetAsync($"/api/v1/uploads/{token}/examples?scope=outliers&cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        using var problem = JsonDocument.Parse(await foreign.Content.ReadAsStringAsync());
        Assert.Equal("cursor", problem.RootElement.GetProperty("field").GetString());
    }

    private static async Task<List<(double Score, bool Flag)>> CliOutliersAsync(SyntheticUpload data)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await Cli.Cli.RunAsync(["outliers", "-l", data.LabelsPath, "-p", data.PredProbsPath], new CliContext(stdout, stderr, errorIsTerminal: false));
        Assert.True(exit == 0, $"CLI failed ({exit}): {stderr}");
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (double.Parse(f[1], CultureInfo.InvariantCulture), f[2] == "true"))
            .ToList();
    }
}
