using System.Text.RegularExpressions;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// A multi-annotator upload through the page, as a labelling team would make it: the task choice, the annotations CSV
/// (cleanlab reference inputs: 200 examples, 4 annotators, 10 classes, sparse), the results with the consensus, the
/// annotator filters, a permalink with every vote, the annotator leaderboard and the exports.
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class MultiAnnotatorE2ETests(ReviewSiteFixture site) : IDisposable
{
    private static readonly string Inputs = Path.Combine(RepositoryPaths.Root, "tests", "reference", "multiannotator", "synthetic_N200_M4_K10_sparse", "inputs");
    private static readonly string[] ClassNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
    private readonly string _folder = Directory.CreateTempSubdirectory("le-e2e-annotators-").FullName;

    [Fact]
    public async Task Upload_annotators_labels_see_consensus_votes_leaderboard_permalink_and_export()
    {
        var names = Path.Combine(_folder, "classes.txt");
        await File.WriteAllLinesAsync(names, ClassNames);
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // The form: choose the task, then the annotations CSV goes where the labels go.
        await page.GotoAsync(site.BaseUrl + "/upload", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByText("Multiple annotators (several labels per example)").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "consensus_method" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#file-labels")).ToContainTextAsync("Annotations (required)");
        await page.Locator("#file-labels input[type=file]").SetInputFilesAsync(Path.Combine(Inputs, "labels_multiannotator.csv"));
        await page.Locator("#file-pred_probs input[type=file]").SetInputFilesAsync(Path.Combine(Inputs, "pred_probs.npy"));
        await page.Locator("#file-class_names input[type=file]").SetInputFilesAsync(names);
        // Each file is registered by a round trip that fills a blank name from the labels file: wait for the last one,
        // or that round trip could overwrite the name typed below.
        await Assertions.Expect(page.Locator("#file-class_names .file-chosen")).ToBeVisibleAsync();
        await page.Locator("#upload-name").FillAsync("E2E four annotators");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-upload-form"), FullPage = true });
        await page.ClickAsync("#upload-submit");
        await Assertions.Expect(page.Locator("#upload-created")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var shareUrl = (await page.Locator("#share-link").GetAttributeAsync("href"))!;
        var token = shareUrl.Split('/')[^1];

        // The results: the job finishes, the consensus explanation, the leaderboard and export links, the gallery.
        await page.GotoAsync(site.BaseUrl + shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 180_000 });
        await Assertions.Expect(page.Locator("#consensus-note")).ToContainTextAsync("consensus label");
        await Assertions.Expect(page.Locator("#annotator-filters")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-results"), FullPage = true });

        // Filter by an annotator's disagreements: every card's consensus differs from that annotator's vote.
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Labelled by annotator" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex("^a1$") }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]annotator=1(&|$)"));
        await page.GetByText("only where they disagree with the consensus").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"annotator_disagrees=1"));
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-gallery-filtered"), FullPage = true });

        // The permalink: the consensus and each annotator's vote, a1's differing from it.
        await page.Locator("#gallery .example-card a.example-link").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/u/{token}/\d+\?.*annotator=1"));
        await Assertions.Expect(page.Locator("#annotator-votes-table tbody tr").First).ToBeVisibleAsync();
        var a1 = page.Locator("#annotator-votes-table tbody tr", new() { HasText = "a1" });
        await Assertions.Expect(a1).ToHaveClassAsync("vote-disagrees");
        await Assertions.Expect(page.Locator("#example-facts")).ToContainTextAsync("Consensus label");
        await Assertions.Expect(page.Locator("#consensus-summary")).ToContainTextAsync("annotators chose it");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-permalink"), FullPage = true });

        // The leaderboard: the four annotators, sortable, with the chart.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}/annotators", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#annotator-leaderboard tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=annotator-chart] svg").First).ToBeVisibleAsync();
        await BrowserPages.WaitInteractiveAsync(page);
        var byName = await page.Locator("#annotator-leaderboard .annotator-name").AllInnerTextsAsync();
        await page.Locator("#annotator-leaderboard th .mud-table-sort-label", new() { HasTextRegex = new Regex("^Annotator$") }).ClickAsync();
        await Assertions.Expect(page.Locator("#annotator-leaderboard .annotator-name").First).ToHaveTextAsync("a0");
        Assert.Equal(["a0", "a1", "a2", "a3"], byName.Order().ToArray());
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("annotators-leaderboard"), FullPage = true });

        // The exports: the CLI's columns, one row per example and per annotator.
        var consensus = await site.Http.GetStringAsync($"/api/v1/uploads/{token}/consensus.csv");
        var lines = consensus.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations", lines[0]);
        Assert.Equal(201, lines.Length);
        var stats = (await site.Http.GetStringAsync($"/api/v1/uploads/{token}/annotators.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled", stats[0]);
        Assert.Equal(5, stats.Length);
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
