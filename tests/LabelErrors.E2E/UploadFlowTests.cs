using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using LabelErrors.Core.Formats;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.E2E;

public sealed class UploadFlowTests(UploadSiteFixture site) : IClassFixture<UploadSiteFixture>, IDisposable
{
    private const int Examples = 400;
    private const int Classes = 4;
    private readonly string _folder = Directory.CreateTempSubdirectory("le-e2e-files-").FullName;

    [Fact]
    public async Task Upload_watch_the_progress_browse_the_results_share_the_link_and_delete()
    {
        var (labels, predProbs, names, images) = WriteFiles();
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(site.BaseUrl + "/upload", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#my-uploads-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#file-pred_probs")).ToContainTextAsync("at most 2 GiB");

        // The real files, through the page's drop zones.
        await page.Locator("#file-labels input[type=file]").SetInputFilesAsync(labels);
        await page.Locator("#file-pred_probs input[type=file]").SetInputFilesAsync(predProbs);
        await page.Locator("#file-class_names input[type=file]").SetInputFilesAsync(names);
        await page.Locator("#file-content input[type=file]").SetInputFilesAsync(images);
        await Assertions.Expect(page.Locator("#file-content .file-chosen")).ToContainTextAsync("images.zip");
        await page.Locator("#upload-name").FillAsync("E2E animals");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-form"), FullPage = true });
        await page.ClickAsync("#upload-submit");

        await Assertions.Expect(page.Locator("#upload-created")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var ownerKey = await page.Locator("#owner-key").InnerTextAsync();
        var shareUrl = await page.Locator("#share-link").GetAttributeAsync("href");
        Assert.Matches("^/u/[A-Za-z0-9_-]{22}$", shareUrl!);
        Assert.False(string.IsNullOrWhiteSpace(ownerKey));
        await Assertions.Expect(page.Locator("#my-uploads")).ToContainTextAsync("E2E animals");

        // The progress bar moves as the worker reports, pushed over the circuit.
        await page.ClickAsync("#share-link");
        await page.WaitForURLAsync(site.BaseUrl + shareUrl);
        var seen = new List<double>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var state = await page.Locator("#job-progress").GetAttributeAsync("data-state");
            seen.Add(double.Parse(Regex.Match(await page.Locator("#job-percent").InnerTextAsync(), @"^\d+").Value, CultureInfo.InvariantCulture));
            if (seen.Count == 3)
                await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-progress"), FullPage = true });
            if (state == "succeeded")
                break;
            await Task.Delay(150);
        }
        Assert.Equal(100, seen[^1]);
        Assert.True(seen.Distinct().Count(p => p is > 0 and < 100) >= 2, $"progress seen: {string.Join(",", seen)}");
        Assert.Equal(seen.OrderBy(p => p), seen); // never goes back

        // The results: health panel and the shared gallery of flagged issues, thumbnails from the shared image endpoint.
        await Assertions.Expect(page.Locator("#health-panel")).ToContainTextAsync("Overall label health score");
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("flagged issues");
        var firstImage = page.Locator("#gallery .example-card img").First;
        await Assertions.Expect(firstImage).ToBeVisibleAsync();
        await Assertions.Expect(firstImage).ToHaveAttributeAsync("src", new Regex(@"^/img/u-[^/]+/\d+\.png\?size=256$"));
        await page.WaitForFunctionAsync(FirstThumbnailLoaded);
        // Filters at study parity: study-only controls are absent, the upload's are there.
        await Assertions.Expect(page.Locator("#filter-k")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#filter-consensus")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-results"), FullPage = true });

        // A filter change is a navigation: the suggested class goes into the URL and every card shows it.
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Suggested class" }).FillAsync("dog");
        await page.GetByRole(AriaRole.Option, new() { Name = "dog", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + shareUrl + "?suggested=1");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("flagged issues");
        // The URL changes at once, the cards when the search returns: wait for the cards.
        var suggested = page.Locator("#gallery .example-card .label-suggested");
        await Assertions.Expect(suggested.Filter(new() { HasNotText = "dog" })).ToHaveCountAsync(0);
        await Assertions.Expect(suggested.First).ToBeVisibleAsync();
        Assert.All(await suggested.AllInnerTextsAsync(), text => Assert.Equal("dog", text));
        var flaggedDogs = await page.Locator("#result-count b").InnerTextAsync();

        // All examples, still of suggested class dog: more of them, in label-quality order, kept in the URL.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Scope" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "All examples" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + shareUrl + "?scope=all&suggested=1");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("all examples");
        Assert.All(await suggested.AllInnerTextsAsync(), text => Assert.Equal("dog", text));
        Assert.True(int.Parse(await page.Locator("#result-count b").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > int.Parse(flaggedDogs, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync(FirstThumbnailLoaded);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-results-filtered"), FullPage = true });
        var cardLink = await page.Locator("#gallery .example-card .example-link").First.GetAttributeAsync("href");
        Assert.Matches($"^{Regex.Escape(shareUrl!)}/\\d+\\?scope=all&suggested=1$", cardLink!); // the permalink walks this view

        // Back returns to the previous view.
        await page.GoBackAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + shareUrl + "?suggested=1");
        await Assertions.Expect(page.Locator("#result-count")).ToContainTextAsync("flagged issues");
        await page.GotoAsync(site.BaseUrl + shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });

        // Reload survives: still done, same results.
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("data-state", "succeeded");

        // The share link works in a fresh browser context (no local storage, no owner key).
        var stranger = await site.Browser.NewContextAsync();
        var strangerPage = await stranger.NewPageAsync();
        await strangerPage.GotoAsync(site.BaseUrl + shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(strangerPage.Locator("h1")).ToContainTextAsync("E2E animals");
        await Assertions.Expect(strangerPage.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        await Assertions.Expect(strangerPage.Locator("#owner-key-input")).ToHaveValueAsync("");
        await strangerPage.Locator("#gallery .example-card .example-link").First.ClickAsync();
        await strangerPage.WaitForURLAsync(new Regex($"{Regex.Escape(shareUrl!)}/\\d+$"));
        await Assertions.Expect(strangerPage.Locator("#example-facts")).ToContainTextAsync("Suggested label");
        await strangerPage.WaitForFunctionAsync("() => { const i = document.getElementById('example-image'); return !!i && i.complete && i.naturalWidth > 0; }");
        await strangerPage.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-example"), FullPage = true });

        // The upload's internal slug under the study's gallery route leads back to the share link (uploads are reached
        // only through it); thumbnails come from the shared image endpoint.
        await strangerPage.GotoAsync(site.BaseUrl + "/d/" + LabelErrors.Web.Uploads.ShareTokens.Slug(shareUrl!["/u/".Length..]) + "?scope=flagged");
        await Assertions.Expect(strangerPage).ToHaveURLAsync(site.BaseUrl + shareUrl);
        await Assertions.Expect(strangerPage.Locator("h1")).ToContainTextAsync("E2E animals");
        await strangerPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await strangerPage.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-gallery"), FullPage = true });
        var thumbnail = await strangerPage.Context.APIRequest.GetAsync(site.BaseUrl + await firstImage.GetAttributeAsync("src"));
        Assert.Equal(200, thumbnail.Status);
        Assert.Equal("image/png", thumbnail.Headers["content-type"]);

        // The owner deletes it (this browser remembers the key); the link then leads nowhere.
        await Assertions.Expect(page.Locator("#owner-key-input")).ToHaveValueAsync(ownerKey);
        await page.ClickAsync("#delete-upload");
        await page.WaitForURLAsync(site.BaseUrl + "/upload");
        await Assertions.Expect(page.Locator("#my-uploads-empty")).ToBeVisibleAsync();
        await strangerPage.GotoAsync(site.BaseUrl + shareUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(strangerPage.Locator("#upload-not-found")).ToBeVisibleAsync();

        Assert.Empty(errors);
        await stranger.CloseAsync();
        await context.CloseAsync();
    }

    // The cards below the fold load lazily; the first one is in view.
    private const string FirstThumbnailLoaded = "() => { const i = document.querySelector('#gallery img'); return !!i && i.complete && i.naturalWidth > 0; }";

    [Fact]
    public async Task A_bad_file_is_refused_with_the_message_next_to_it()
    {
        var (labels, _, _, _) = WriteFiles();
        var badProbs = Path.Combine(_folder, "bad_probs.csv");
        File.WriteAllText(badProbs, "0.5,0.5\n0.2,nan\n");
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/upload", new() { WaitUntil = WaitUntilState.NetworkIdle });
        // Files chosen before the circuit is interactive are lost: wait for what only the live page shows.
        await Assertions.Expect(page.Locator("#my-uploads-empty")).ToBeVisibleAsync();
        await page.Locator("#file-labels input[type=file]").SetInputFilesAsync(labels);
        await page.Locator("#file-pred_probs input[type=file]").SetInputFilesAsync(badProbs);
        await Assertions.Expect(page.Locator("#file-pred_probs .file-chosen")).ToContainTextAsync("bad_probs.csv"); // the circuit has the files
        await page.ClickAsync("#upload-submit");

        await Assertions.Expect(page.Locator("#file-pred_probs .file-error")).ToContainTextAsync("bad_probs.csv", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#upload-created")).ToHaveCountAsync(0);
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_unnamed_upload_is_named_after_its_labels_file_and_a_typed_name_is_never_overwritten()
    {
        var (labels, predProbs, _, _) = WriteFiles();
        var page = await site.Browser.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/upload", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#my-uploads-empty")).ToBeVisibleAsync();
        // The name is typed before the labels file is chosen: the file's round trip must not replace it.
        await page.Locator("#upload-name").FillAsync("typed first");
        await page.Locator("#upload-name").BlurAsync();
        await page.Locator("#file-labels input[type=file]").SetInputFilesAsync(labels);
        await page.Locator("#file-pred_probs input[type=file]").SetInputFilesAsync(predProbs);
        await Assertions.Expect(page.Locator("#file-pred_probs .file-chosen")).ToContainTextAsync("pred_probs.npy");
        await Assertions.Expect(page.Locator("#upload-name")).ToHaveValueAsync("typed first");

        // Cleared, the field offers the labels file's name and the upload takes it.
        await page.Locator("#upload-name").FillAsync("");
        await page.Locator("#upload-name").BlurAsync();
        await Assertions.Expect(page.Locator("#upload-name")).ToHaveAttributeAsync("placeholder", "labels");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-name-suggested"), FullPage = true });
        await page.ClickAsync("#upload-submit");
        await Assertions.Expect(page.Locator("#upload-created")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#my-uploads")).ToContainTextAsync("labels");
        await page.CloseAsync();
    }

    private (string Labels, string PredProbs, string Names, string Images) WriteFiles()
    {
        var random = new Random(1);
        var labels = new long[Examples];
        var probs = new float[Examples * Classes];
        for (var i = 0; i < Examples; i++)
        {
            var truth = i % Classes;
            var row = Enumerable.Range(0, Classes).Select(c => random.NextDouble() * 0.5 + (c == truth ? 3 : 0)).ToArray();
            for (var c = 0; c < Classes; c++)
                probs[i * Classes + c] = (float)(row[c] / row.Sum());
            labels[i] = random.NextDouble() < 0.1 ? (truth + 1) % Classes : truth;
        }
        var labelsPath = Path.Combine(_folder, "labels.npy");
        var probsPath = Path.Combine(_folder, "pred_probs.npy");
        Npy.Write(labelsPath, labels, Examples);
        Npy.Write(probsPath, probs, Examples, Classes);
        var namesPath = Path.Combine(_folder, "classes.txt");
        File.WriteAllLines(namesPath, ["cat", "dog", "bird", "fish"]);
        var zipPath = Path.Combine(_folder, "images.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            for (var i = 0; i < Examples; i++)
            {
                using var image = new Image<Rgba32>(24, 24, new Rgba32((byte)(i * 7), (byte)(labels[i] * 60), 120));
                using var entry = zip.CreateEntry($"{i}.png").Open();
                image.SaveAsPng(entry);
            }
        }
        return (labelsPath, probsPath, namesPath, zipPath);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
