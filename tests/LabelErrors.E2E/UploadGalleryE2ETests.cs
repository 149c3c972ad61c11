using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// An upload's results in the shared gallery, for the content kinds the image flow (UploadFlowTests) does not cover:
/// texts shown on the cards, and a placeholder when the upload came without content.
/// </summary>
[Collection(ReviewSiteCollection.Name)]
public sealed class UploadGalleryE2ETests(ReviewSiteFixture site)
{
    [Fact]
    public async Task A_text_upload_shows_its_texts_on_the_cards_and_filters_by_given_class_in_the_url()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3, seed: 5, flipFraction: 0.1);
        var (token, _) = await site.Site.UploadAsync(new UploadForm()
            .Field("name", "gallery texts").File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)
            .File("class_names", data.WriteClassNames()).File("content", data.WriteTextContent(data.Examples)));

        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{site.BaseUrl}/u/{token}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#gallery .text-snippet").First).ToContainTextAsync("with a comma and a \"quote\"");
        var flaggedCount = await page.Locator("#result-count b").InnerTextAsync();

        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Given class" }).FillAsync("class 2");
        await page.GetByRole(AriaRole.Option, new() { Name = "class 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/u/{token}?given=2");
        await Assertions.Expect(page.Locator("#clear-filters")).ToBeVisibleAsync();
        Assert.All(await page.Locator("#gallery .example-card .label-given").AllInnerTextsAsync(), text => Assert.Equal("class 2", text));
        Assert.All(await page.Locator("#gallery .example-card .issue-rank").AllInnerTextsAsync(), text => Assert.StartsWith("issue ", text));
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-gallery-text"), FullPage = true });

        // Clear filters goes back to every flagged issue.
        await page.ClickAsync("#clear-filters");
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/u/{token}");
        await Assertions.Expect(page.Locator("#result-count b")).ToHaveTextAsync(flaggedCount);
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_upload_without_content_shows_a_placeholder_and_an_empty_view_offers_all_examples()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 4, seed: 9, flipFraction: 0.1);
        var (token, _) = await site.Site.UploadAsync(data, "gallery no content");

        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync($"{site.BaseUrl}/u/{token}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        var cards = await page.Locator("#gallery .example-card").CountAsync();
        await Assertions.Expect(page.Locator("#gallery .no-content")).ToHaveCountAsync(cards);
        await Assertions.Expect(page.Locator("#gallery img")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-gallery-no-content"), FullPage = true });

        // A bound no flagged issue meets: the empty state, with the way out to every example under the same bound.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}?quality_max=0", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#empty-state")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#loosen-scope")).ToHaveAttributeAsync("href", $"/u/{token}?scope=all&quality_max=0");
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_upload_example_steps_through_the_gallery_view_it_was_opened_from_with_the_keys()
    {
        using var data = new SyntheticUpload(examples: 400, classes: 3, seed: 11, flipFraction: 0.15);
        var (token, _) = await site.Site.UploadAsync(new UploadForm()
            .Field("name", "upload prev next").File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath)
            .File("class_names", data.WriteClassNames()));

        // The view: the flagged issues labelled class 1, in rank order, as the gallery lists them.
        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{site.BaseUrl}/u/{token}?given=1", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#gallery .example-card").First).ToBeVisibleAsync();
        var hrefs = await page.Locator("#gallery .example-card a.example-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(hrefs.Length >= 3, $"the view has {hrefs.Length} issues; the test needs 3");
        var indices = hrefs.Take(3).Select(h => long.Parse(h.Split('?')[0].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(hrefs, h => Assert.EndsWith("?given=1", h));

        await page.Locator("#gallery .example-card a.example-link").First.ClickAsync();
        await ExpectExampleAsync(page, token, indices[0]);
        await BrowserPages.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#example-prev")).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectExampleAsync(page, token, indices[1]);
        await page.Keyboard.PressAsync("j");
        await ExpectExampleAsync(page, token, indices[2]);
        await page.Keyboard.PressAsync("k");
        await ExpectExampleAsync(page, token, indices[1]);
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectExampleAsync(page, token, indices[0]);
        await Assertions.Expect(page.Locator("#example-prev")).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("upload-example-prev-next"), FullPage = true });
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    private async Task ExpectExampleAsync(IPage page, string token, long index)
    {
        await Assertions.Expect(page).ToHaveURLAsync($"{site.BaseUrl}/u/{token}/{index}?given=1");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Example {index} of upload prev next");
        await Assertions.Expect(page.Locator("#example-facts tr").First).ToContainTextAsync("class 1");
    }
}
