using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LabelErrors.Core.Formats;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Api;

[Collection(StudyApiCollection.Name)]
public sealed class CorrectedExportTests(StudyApiSite site)
{
    private sealed record CsvRow(long Index, int Original, int Corrected, string Category);

    private static List<CsvRow> ParseCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,original_label,corrected_label,category", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => new CsvRow(
            long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
            int.Parse(f[2], CultureInfo.InvariantCulture), f[3])).ToList();
    }

    [Fact]
    public async Task Default_csv_round_trips_against_the_database()
    {
        var response = await site.Client.GetAsync("/api/v1/datasets/mnist/corrected?min_agreement=3&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mnist_corrected_k3.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());

        await using var db = await site.DbAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == "mnist");
        var examples = await db.Examples.Include(e => e.Votes).Where(e => e.DatasetId == dataset.Id).OrderBy(e => e.StudyIndex).ToListAsync();

        // Defaults keep every example: one row per test example, in index order.
        Assert.Equal(examples.Count, rows.Count);
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(examples.Select(e => e.StudyIndex), rows.Select(r => r.Index));
        Assert.Equal(examples.Select(e => e.GivenLabel), rows.Select(r => r.Original));

        // Changed rows are exactly the examples where at least 3 workers chose the guessed label.
        var expectedChanged = examples.Where(e => e.Votes is { } v && v.Guessed >= 3 && v.Guessed > v.Given && e.GuessedLabel != e.GivenLabel)
            .Select(e => (e.StudyIndex, e.GuessedLabel!.Value)).ToList();
        var changed = rows.Where(r => r.Corrected != r.Original).Select(r => (r.Index, r.Corrected)).ToList();
        Assert.NotEmpty(changed);
        Assert.Equal(expectedChanged, changed);
        Assert.Equal(changed.Count.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-Corrected-Count").Single());

        // The category column is the study's consensus category.
        Assert.Equal(examples.Count(e => e.Consensus == ConsensusCategory.Correctable), rows.Count(r => r.Category == "correctable"));
        Assert.Equal(examples.Count(e => !e.IsMturkChecked), rows.Count(r => r.Category == "unchecked"));
    }

    [Fact]
    public async Task Dropping_and_five_of_five_change_the_counts_as_the_votes_say()
    {
        var text = await site.Client.GetStringAsync("/api/v1/datasets/mnist/corrected?min_agreement=5&multi_label=drop&neither=drop&non_agreement=drop");
        var rows = ParseCsv(text);

        await using var db = await site.DbAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == "mnist");
        var examples = await db.Examples.Include(e => e.Votes).Where(e => e.DatasetId == dataset.Id).ToListAsync();
        // The study's file has examples whose guessed label is the given one: taking it changes nothing.
        var fiveOfFive = examples.Count(e => e.Votes is { Guessed: >= 5 } v && v.Guessed > v.Given && e.GuessedLabel != e.GivenLabel);
        var dropped = examples.Count(e => e.Consensus is ConsensusCategory.MultiLabel or ConsensusCategory.Neither or ConsensusCategory.NonAgreement
            || (e.Consensus == ConsensusCategory.Correctable && e.Votes!.Guessed < 5));

        Assert.Equal(examples.Count - dropped, rows.Count);
        Assert.Equal(fiveOfFive, rows.Count(r => r.Corrected != r.Original));
        Assert.DoesNotContain(rows, r => r.Category is "multi-label" or "neither" or "non-agreement");
    }

    [Fact]
    public async Task Json_and_npy_carry_the_same_labels_as_the_csv()
    {
        const string options = "min_agreement=3&neither=drop";
        var csv = ParseCsv(await site.Client.GetStringAsync($"/api/v1/datasets/mnist/corrected?{options}"));

        using var json = JsonDocument.Parse(await site.Client.GetStringAsync($"/api/v1/datasets/mnist/corrected?{options}&format=json"));
        var labels = json.RootElement.GetProperty("labels").EnumerateArray().ToList();
        Assert.Equal(csv.Select(r => r.Index), labels.Select(l => l.GetProperty("index").GetInt64()));
        Assert.Equal(csv.Select(r => r.Corrected), labels.Select(l => l.GetProperty("corrected_label").GetInt32()));
        Assert.Equal("drop", json.RootElement.GetProperty("options").GetProperty("neither").GetString());

        var npyBytes = await site.Client.GetByteArrayAsync($"/api/v1/datasets/mnist/corrected?{options}&format=npy");
        var array = Npy.Load(new MemoryStream(npyBytes), "corrected.npy").GetData<long>();
        Assert.Equal(10_000, array.Length);
        var kept = csv.ToDictionary(r => r.Index, r => (long)r.Corrected);
        for (var i = 0; i < array.Length; i++)
            Assert.Equal(kept.TryGetValue(i, out var label) ? label : -1, array[i]);
    }

    [Fact]
    public async Task Same_options_give_the_same_bytes_and_an_etag_that_revalidates()
    {
        const string url = "/api/v1/datasets/mnist/corrected?min_agreement=4&format=json";
        var first = await site.Client.GetAsync(url);
        var second = await site.Client.GetAsync(url);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.Equal(etag, second.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await site.Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var other = await site.Client.GetAsync("/api/v1/datasets/mnist/corrected?min_agreement=3&format=json");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("min_agreement=0", "min_agreement")]
    [InlineData("min_agreement=six", "min_agreement")]
    [InlineData("neither=maybe", "neither")]
    [InlineData("format=xlsx", "format")]
    public async Task Bad_options_are_problem_details_naming_the_parameter(string query, string parameter)
    {
        var response = await site.Client.GetAsync($"/api/v1/datasets/mnist/corrected?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Unknown_dataset_is_a_404_problem()
    {
        var response = await site.Client.GetAsync("/api/v1/datasets/nope/corrected");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nope", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_partial_test_set_exports_csv_but_refuses_an_index_aligned_npy()
    {
        var csv = await site.Client.GetAsync("/api/v1/datasets/amazon/corrected");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("false", csv.Headers.GetValues("X-Test-Set-Complete").Single());
        await using var db = await site.DbAsync();
        var amazon = await db.Datasets.SingleAsync(d => d.Slug == "amazon");
        Assert.Equal(await db.Examples.CountAsync(e => e.DatasetId == amazon.Id), ParseCsv(await csv.Content.ReadAsStringAsync()).Count);

        var npy = await site.Client.GetAsync("/api/v1/datasets/amazon/corrected?format=npy");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, npy.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, npy.Content.Headers.ContentType?.MediaType);
    }
}
