using System.Globalization;
using System.Text.RegularExpressions;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// The review of a multi-annotator upload in the browser (cleanlab's sparse reference: 200 examples, 4 annotators, 10
/// classes): the results say "consensus" where the label is the annotators' consensus and chart its quality and the
/// agreement; the review shows every vote; two decisions reach the downloaded cleaned labels, all other rows keeping
/// cleanlab's consensus (never the model's argmax).
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class MultiAnnotatorReviewE2ETests(ReviewSiteFixture site) : IDisposable
{
    private static readonly string Reference = Path.Combine(RepositoryPaths.Root, "tests", "reference", "multiannotator", "synthetic_N200_M4_K10_sparse");
    private static readonly string[] ClassNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
    private readonly string _folder = Directory.CreateTempSubdirectory("le-e2e-ma-review-").FullName;

    [Fact]
    public async Task A_multi_annotator_upload_says_consensus_charts_it_and_its_review_reaches_the_cleaned_export()
    {
        var names = Path.Combine(_folder, "classes.txt");
        await File.WriteAllLinesAsync(names, ClassNames);
        var (token, ownerKey) = await site.Site.UploadAsync(new UploadForm().Field("name", "E2E annotators review").Field("task", "multi-annotator")
            .File("labels", Path.Combine(Reference, "inputs", "labels_multiannotator.csv"))
            .File("pred_probs", Path.Combine(Reference, "inputs", "pred_probs.npy"))
            .File("class_names", names));
        var consensus = File.ReadLines(Path.Combine(Reference, "cleanlab-2.9.0", "label_quality__consensus_method=best_quality__quality_method=crowdlab.csv"))
            .Skip(1).Select(line => int.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();

        var context = await site.Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // The results: "consensus" on the cards, the filters and the health panel; the two distributions.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 180_000 });
        var card = page.Locator("#gallery .example-card").First;
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card.Locator(".label-key").First).ToHaveTextAsync("consensus");
        await Assertions.Expect(card).ToContainTextAsync("consensus quality");
        await Assertions.Expect(card.Locator(".label-agreement")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery .example-card .label-key", new() { HasTextRegex = new Regex("^given$") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#health-consensus-note")).ToContainTextAsync("consensus labels");
        await Assertions.Expect(page.Locator("#download-fixed")).ToContainTextAsync("Consensus labels with the review's decisions");
        await Assertions.Expect(page.Locator("[data-testid=consensus-quality-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=annotator-agreement-chart] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#consensus-charts-summary")).ToContainTextAsync("200 examples");
        await Assertions.Expect(page.Locator("#charts-leaderboard-link")).ToHaveAttributeAsync("href", $"/u/{token}/annotators");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-review-results"), FullPage = true });

        // The review: the consensus, every vote, the model's suggestion, the consensus wording on the buttons.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}/review#key={ownerKey}");
        await Assertions.Expect(page.Locator("#review-content")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#review-labels")).ToContainTextAsync("Consensus label");
        await Assertions.Expect(page.Locator("#review-labels")).ToContainTextAsync("Model's suggestion");
        await Assertions.Expect(page.Locator("#decide-keep")).ToContainTextAsync("Keep consensus");
        var summary = page.Locator("#review-consensus-summary");
        await Assertions.Expect(summary).ToContainTextAsync(new Regex(@"\d+ of \d+ annotators? chose it"));
        var annotations = int.Parse((await summary.GetAttributeAsync("data-annotations"))!, CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#review-votes-table tbody tr")).ToHaveCountAsync(annotations);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-review"), FullPage = true });

        // Two decisions: keep the consensus (Q) on the first, the model's most likely class (1) on the second.
        var first = int.Parse((await page.Locator("#review-content").GetAttributeAsync("data-index"))!, CultureInfo.InvariantCulture);
        await page.Keyboard.PressAsync("KeyQ");
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", "1");
        var second = int.Parse((await page.Locator("#review-content").GetAttributeAsync("data-index"))!, CultureInfo.InvariantCulture);
        Assert.NotEqual(first, second);
        var picked = int.Parse((await page.Locator("button.ranked-class[data-rank='1']").GetAttributeAsync("data-label"))!, CultureInfo.InvariantCulture);
        await page.Keyboard.PressAsync("Digit1");
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", "2");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("#current-decision")).ToContainTextAsync(ClassNames[picked]);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-review-decided"), FullPage = true });

        // The cleaned export from the results page: the consensus everywhere but the two decided rows.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-fixed").ClickAsync());
        var path = Path.Combine(_folder, "labels-fixed.csv");
        await download.SaveAsAsync(path);
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("index,cleaned_label,consensus_label,consensus_quality_score,annotator_agreement,num_annotations,review_decision", lines[0]);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(consensus.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(consensus[i].ToString(CultureInfo.InvariantCulture), rows[i][2]);
            var expected = i == second ? picked : consensus[i];
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), rows[i][1]);
        }
        Assert.Equal("keep", rows[first][6]);
        Assert.Equal(picked == consensus[second] ? "keep" : "accept", rows[second][6]);
        Assert.Equal(2, rows.Count(r => r[6].Length > 0));
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
