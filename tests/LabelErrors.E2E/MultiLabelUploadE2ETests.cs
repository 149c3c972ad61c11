using System.Text.Json;
using System.Text.RegularExpressions;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// A multi-label upload through the page: the task choice, the results as label chips, the class and "label missing"
/// filters in the URL, a permalink with given vs suggested labels and per-class quality, and the cleaned labels export.
/// The data is cleanlab's 400 × 4 multi-label reference set (tests/reference/multilabel).
/// </summary>
public sealed class MultiLabelUploadE2ETests(UploadSiteFixture site) : IClassFixture<UploadSiteFixture>, IDisposable
{
    private static readonly string Inputs = Path.Combine(RepositoryPaths.Root, "tests", "reference", "multilabel", "synthetic_N400_K4_float64", "inputs");
    private readonly string _folder = Directory.CreateTempSubdirectory("le-e2e-multilabel-").FullName;

    [Fact]
    public async Task Upload_a_multi_label_dataset_filter_its_chips_open_a_permalink_and_export()
    {
        var names = Path.Combine(_folder, "classes.txt");
        await File.WriteAllLinesAsync(names, ["indoor", "outdoor", "people", "animals"]);
        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(site.BaseUrl + "/upload", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await BrowserPages.WaitInteractiveAsync(page);

        await page.GetByText("Multi-label (a set of labels per example)").ClickAsync();
        await Assertions.Expect(page.Locator("#file-labels")).ToContainTextAsync("JSON array of arrays of class ids");
        await page.Locator("#file-labels input[type=file]").SetInputFilesAsync(Path.Combine(Inputs, "labels.json"));
        await page.Locator("#file-pred_probs input[type=file]").SetInputFilesAsync(Path.Combine(Inputs, "pred_probs.npy"));
        await page.Locator("#file-class_names input[type=file]").SetInputFilesAsync(names);
        // Each file is registered by a round trip that fills a blank name from the labels file: wait for the last one,
        // or that round trip could overwrite the name typed below.
        await Assertions.Expect(page.Locator("#file-class_names .file-chosen")).ToBeVisibleAsync();
        await page.Locator("#upload-name").FillAsync("E2E photo tags");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-upload-form"), FullPage = true });
        await page.ClickAsync("#upload-submit");

        await Assertions.Expect(page.Locator("#upload-created")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var shareUrl = await page.Locator("#share-link").GetAttributeAsync("href");
        await page.ClickAsync("#share-link");
        await page.WaitForURLAsync(site.BaseUrl + shareUrl);
        await Assertions.Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("data-state", "succeeded", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("#upload-task")).ToHaveTextAsync("multi-label");

        // The flagged examples as cards with chips: given (kept), wrong (to remove), missing (to add), each with its quality.
        var cards = page.Locator("#gallery-grid .multilabel-card");
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery-count")).ToContainTextAsync("52 examples");
        await Assertions.Expect(page.Locator("#gallery-grid .label-chip-missing").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery-grid .label-chip-wrong").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery-grid .chip-quality").First).ToHaveTextAsync(new Regex(@"^\d\.\d\d$"));
        await Assertions.Expect(page.Locator("#download-fixed-json")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#start-review")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-results"), FullPage = true });

        // "label missing": every card has a missing chip; the filter is in the URL.
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Flagged as" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "label missing" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + shareUrl + "?issue=label-missing");
        await Assertions.Expect(cards.Filter(new() { HasNot = page.Locator(".label-chip-missing") })).ToHaveCountAsync(0);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();

        // and of class "people": every card is missing exactly that class.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Class" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "people" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + shareUrl + "?class=2&issue=label-missing");
        await Assertions.Expect(cards.Filter(new() { HasNot = page.Locator(".label-chip-missing[data-class='2']") })).ToHaveCountAsync(0);
        await Assertions.Expect(cards.First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-results-filtered"), FullPage = true });

        // The permalink: given vs suggested chips and the per-class table, prev/next within the filtered view.
        var cardCount = await cards.CountAsync();
        await cards.First.Locator(".example-permalink").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"{Regex.Escape(shareUrl!)}/\\d+\\?class=2&issue=label-missing$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("of E2E photo tags");
        await Assertions.Expect(page.Locator("#suggested-labels .label-chip-missing[data-class='2']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#given-labels .label-chip-missing")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#class-table tr[data-class='2']")).ToContainTextAsync("label missing");
        await Assertions.Expect(page.Locator("#example-prev")).ToBeDisabledAsync();
        if (cardCount > 1)
            await Assertions.Expect(page.Locator("#example-next")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-permalink"), FullPage = true });

        // The cleaned labels: one list per example, in the upload's own format.
        var token = shareUrl!.Split('/')[^1];
        var response = await page.APIRequest.GetAsync($"{site.BaseUrl}/api/v1/uploads/{token}/labels-fixed.json");
        Assert.True(response.Ok);
        var cleaned = JsonSerializer.Deserialize<int[][]>(await response.TextAsync())!;
        Assert.Equal(400, cleaned.Length);
        var csv = await (await page.APIRequest.GetAsync($"{site.BaseUrl}/api/v1/uploads/{token}/labels-fixed.csv")).TextAsync();
        Assert.StartsWith("index,labels\n0,", csv);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
