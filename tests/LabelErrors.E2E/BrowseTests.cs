using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LabelErrors.E2E;

/// <summary>Home, galleries, filters and their URLs, permalinks, keyboard, 404, small screens and accessibility.</summary>
[Collection(StudySiteCollection.Name)]
public sealed class BrowseTests(StudySiteFixture site) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() =>
        _context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public Task DisposeAsync() => _context.CloseAsync();

    [Fact]
    public async Task Home_has_a_card_per_dataset_and_a_sortable_table_1()
    {
        var errors = new List<string>();
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/", errors);
        var slugs = await site.DatasetSlugsAsync();

        await Expect(page.Locator("#dataset-cards .dataset-card")).ToHaveCountAsync(slugs.Count);
        await Expect(page.Locator("#table1 tbody tr")).ToHaveCountAsync(slugs.Count);
        var firstBefore = await page.Locator("#table1 tbody tr").First.Locator("td").First.InnerTextAsync();
        await page.Locator("#table1 .mud-table-sort-label", new() { HasText = "% error" }).ClickAsync();
        await page.Locator("#table1 .mud-table-sort-label", new() { HasText = "% error" }).ClickAsync(); // descending: largest error rate first
        await page.Mouse.MoveAsync(0, 0);
        await Expect(page.Locator("#table1 tbody tr").First.Locator("td").First).Not.ToHaveTextAsync(firstBefore);
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-home"), FullPage = true });

        await AssertAccessibleAsync(page);
        Assert.DoesNotContain(errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_dataset_has_a_gallery_with_a_visible_count()
    {
        foreach (var slug in await site.DatasetSlugsAsync())
        {
            var page = await BrowserPages.OpenAsync(_context, $"{site.BaseUrl}/d/{slug}");
            await Expect(page.Locator("#result-count")).ToContainTextAsync("example");
            var cards = await page.Locator(".example-card").CountAsync();
            var empty = await page.Locator("#empty-state").CountAsync();
            Assert.True(cards > 0 || empty == 1, $"{slug}: neither cards nor an empty state");
            await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath($"browse-gallery-{slug}"), FullPage = true });
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Gallery_passes_axe_without_serious_violations()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10");

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Every_filter_kind_lands_in_the_url_and_back_forward_and_reload_restore_it()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("32 examples");

        await ChooseAsync(page, "Scope", "All mTurk-checked");
        await ExpectViewAsync(page, "?scope=checked", 40);

        await page.Locator("#filter-k").FillAsync("3");
        await ExpectViewAsync(page, "?scope=checked&k=3", 8);

        await ChooseAsync(page, "Workers who chose", "both");
        await ExpectViewAsync(page, "?scope=checked&agree=both&k=3", 8);

        await page.Locator("#filter-k").FillAsync("0");
        await ExpectViewAsync(page, "?scope=checked&agree=both", 40);

        await ChooseAsync(page, "Votes for the given label", "fewer than 1");
        await ExpectViewAsync(page, "?scope=checked&agree=both&given_lt=1", 8);

        await page.GoBackAsync();
        await ExpectViewAsync(page, "?scope=checked&agree=both", 40);
        await page.GoForwardAsync();
        await ExpectViewAsync(page, "?scope=checked&agree=both&given_lt=1", 8);

        await page.GotoAsync(site.BaseUrl + "/d/cifar10?scope=checked");
        await BrowserPages.WaitInteractiveAsync(page);
        await ChooseAsync(page, "Consensus", "neither");
        await page.Keyboard.PressAsync("Escape");
        await ExpectViewAsync(page, "?scope=checked&consensus=neither", 8);

        await page.GotoAsync(site.BaseUrl + "/d/cifar10");
        await BrowserPages.WaitInteractiveAsync(page);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Given class" }).FillAsync("cat");
        await page.GetByRole(AriaRole.Option, new() { Name = "cat", Exact = true }).ClickAsync();
        await ExpectViewAsync(page, "?given=3", 4);

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Guessed class" }).FillAsync("frog");
        await page.GetByRole(AriaRole.Option, new() { Name = "frog", Exact = true }).ClickAsync();
        await ExpectViewAsync(page, "?given=3&guessed=6", 4);
        // The count is the same as the previous view's: wait for this view's page itself (a filter change is a navigation).
        await Expect(page.Locator(".example-card .example-link").First).ToHaveAttributeAsync("href", new Regex(@"guessed=6"));

        await ChooseAsync(page, "Sort by", "Index");
        await ExpectViewAsync(page, "?given=3&guessed=6&sort=index", 4);
        await Expect(page.Locator(".example-card .example-link").First).ToHaveAttributeAsync("href", "/d/cifar10/30?given=3&guessed=6&sort=index");

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await ExpectViewAsync(page, "?given=3&guessed=6&sort=index", 4);
        await Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Given class" })).ToHaveValueAsync("cat");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-filters"), FullPage = true });
    }

    [Fact]
    public async Task Text_search_is_a_filter_and_slash_focuses_it()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/imdb?scope=checked");

        await page.Keyboard.PressAsync("/");
        var search = page.Locator("input#search");
        await Expect(search).ToBeFocusedAsync();
        await search.FillAsync("wonderful");
        await search.PressAsync("Enter");

        await ExpectViewAsync(page, "/d/imdb?scope=checked&q=wonderful", 4, path: true);
        await Expect(page.Locator(".text-snippet").First).ToContainTextAsync("wonderful");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-text-search"), FullPage = true });
    }

    [Fact]
    public async Task An_empty_filter_offers_to_loosen_it()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10?consensus=not-an-error");

        await Expect(page.Locator("#empty-state")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-empty"), FullPage = true });
        await page.Locator("#loosen-scope").ClickAsync();
        await ExpectViewAsync(page, "?scope=checked&consensus=not-an-error", 8);
    }

    [Fact]
    public async Task Image_permalink_shows_labels_votes_top_classes_and_passes_axe()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10/10");

        await Expect(page.Locator("h1")).ToHaveTextAsync("CIFAR-10 #10");
        await Expect(page.Locator("#labels")).ToContainTextAsync("automobile");
        await Expect(page.Locator("#labels")).ToContainTextAsync("deer");
        await Expect(page.Locator("#votes")).ToContainTextAsync("Workers saw the image");
        await Expect(page.Locator("#top-predictions tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#flag-reason")).ToContainTextAsync("Flagged by confident learning");
        await Expect(page.Locator("img.large-image")).ToHaveAttributeAsync("src", "/img/cifar10/10.png?size=512");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-permalink-image"), FullPage = true });

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Text_permalink_shows_markup_as_text_with_its_paragraphs()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/imdb/7");

        var text = page.Locator("#full-text");
        await Expect(text).ToContainTextAsync("<b>Not bold</b> <script>window.pwned = true</script>");
        Assert.Equal(0, await page.Locator("#full-text b").CountAsync());
        Assert.Equal("pre-wrap", await text.EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
        Assert.False(await page.EvaluateAsync<bool>("() => window.pwned === true"));
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-permalink-text"), FullPage = true });
    }

    [Fact]
    public async Task Audio_permalink_embeds_the_clip_lazily_with_a_fallback_link()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/audioset/2");

        var frame = page.Locator(".video-frame iframe");
        await Expect(frame).ToHaveAttributeAsync("src", "https://www.youtube-nocookie.com/embed/lL5jq1TDiXQ?start=30&end=40");
        await Expect(frame).ToHaveAttributeAsync("loading", "lazy");
        await Expect(page.Locator("#clip-link")).ToHaveAttributeAsync("href", "https://www.youtube.com/watch?v=lL5jq1TDiXQ&t=30s");
        await Expect(page.Locator("#votes")).ToContainTextAsync("Cheering (given)");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-permalink-audio"), FullPage = true });
    }

    [Fact]
    public async Task Arrow_keys_and_j_k_walk_through_the_filtered_examples()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10/380?consensus=correctable,neither");
        await Expect(page.Locator("h1")).ToBeFocusedAsync(); // FocusOnNavigate ran: the interactive render is complete
        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectExampleAsync(page, 360);
        await page.Keyboard.PressAsync("j");
        await ExpectExampleAsync(page, 330);
        await page.Keyboard.PressAsync("k");
        await ExpectExampleAsync(page, 360);
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectExampleAsync(page, 380);
        await Expect(page.Locator("#example-prev")).ToBeDisabledAsync();

        await page.Keyboard.PressAsync("?");
        await Expect(page.Locator("dialog#shortcuts")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-shortcuts") });
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("dialog#shortcuts")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Gallery_pages_follow_the_arrow_keys()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10");

        await page.Keyboard.PressAsync("ArrowRight");
        await ExpectViewAsync(page, "?page=2", 32);
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 2 of 2");
        await Expect(page.Locator(".example-card")).ToHaveCountAsync(8);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 1 of 2");
    }

    [Fact]
    public async Task Copy_link_puts_the_canonical_url_on_the_clipboard()
    {
        await _context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseUrl });
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10/10?k=3");

        await page.Locator("#copy-link").ClickAsync();

        await Expect(page.Locator("#copy-status")).ToHaveTextAsync("Link copied");
        Assert.Equal(site.BaseUrl + "/d/cifar10/10", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Theory]
    [InlineData("/d/no-such-dataset")]
    [InlineData("/d/cifar10/123456")]
    public async Task Unknown_addresses_show_a_404_page_with_a_way_back(string path)
    {
        var page = await _context.NewPageAsync();
        var response = await page.GotoAsync(site.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-404" + (path.Count(c => c == '/') > 2 ? "-example" : "")) });
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the datasets" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/");
    }

    [Theory]
    [InlineData("/d/cifar10", "browse-375-gallery")]
    [InlineData("/d/cifar10/10", "browse-375-permalink")]
    [InlineData("/d/imdb/7", "browse-375-text")]
    [InlineData("/", "browse-375-home")]
    public async Task Pages_fit_a_375_pixel_wide_screen(string path, string screenshot)
    {
        var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        var page = await BrowserPages.OpenAsync(context, site.BaseUrl + path);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath(screenshot), FullPage = true });
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the screen");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Dark_mode_applies_to_the_browse_pages()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10/10");
        await page.ClickAsync("#dark-mode-toggle");
        await page.WaitForFunctionAsync("() => localStorage.getItem('labelerrors-theme') === 'dark'");
        await page.GotoAsync(site.BaseUrl + "/d/cifar10", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await BrowserPages.WaitInteractiveAsync(page);

        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor !== 'rgb(245, 246, 250)'");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-gallery-dark"), FullPage = true });
        await AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => localStorage.removeItem('labelerrors-theme')");
    }

    [Fact]
    public async Task The_menu_button_hides_and_shows_the_drawer_on_a_static_page_wide_and_narrow()
    {
        var page = await BrowserPages.OpenAsync(_context, site.BaseUrl + "/d/cifar10/10");
        var drawer = page.Locator("#app-drawer");
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        await Expect(drawer).ToBeInViewportAsync();
        await menu.ClickAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex(@"\bmud-drawer--closed\b"));
        await Expect(drawer).Not.ToBeInViewportAsync();
        await menu.ClickAsync();
        await Expect(drawer).ToBeInViewportAsync();

        // Narrow: hidden at first (MudBlazor's initial rule), the button opens it over the page.
        var narrow = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        var small = await BrowserPages.OpenAsync(narrow, site.BaseUrl + "/d/cifar10");
        await Expect(small.Locator("#app-drawer")).ToBeHiddenAsync();
        await small.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(small.Locator("#app-drawer")).ToBeInViewportAsync();
        await small.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-375-drawer-open") });
        await narrow.CloseAsync();
    }

    // The URL changes at once, the content when the example is loaded: wait for both before the next key.
    private async Task ExpectExampleAsync(IPage page, long id)
    {
        await Expect(page).ToHaveURLAsync($"{site.BaseUrl}/d/cifar10/{id}?consensus=correctable,neither");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"CIFAR-10 #{id}");
        // The page's island (the visitor vote) interactive again: the page's <html> arrives without the mark, the island
        // sets it. Keys no longer depend on it (js/shortcuts.js queues them across navigations; EarlyInputTests acts
        // without this wait); the keys were lost in CI when a cached page's enhanced navigation fell back to a full load.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-interactive", "true");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserPages.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }

    private static async Task ChooseAsync(IPage page, string control, string option)
    {
        await BrowserPages.OpenSelectAsync(page, page.GetByRole(AriaRole.Combobox, new() { Name = control }));
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        try
        {
            await item.ClickAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-choose-failed") });
            File.WriteAllText(SiteFixture.ScreenshotPath("browse-choose-failed") + ".html", await page.ContentAsync());
            throw;
        }
    }

    private async Task ExpectViewAsync(IPage page, string query, int count, bool path = false)
    {
        var expectedUrl = path ? site.BaseUrl + query : site.BaseUrl + "/d/cifar10" + query;
        await Expect(page).ToHaveURLAsync(expectedUrl);
        await Expect(page.Locator("#result-count")).ToContainTextAsync($"{count} example");
        if (!path) // the filter island follows the page's view a moment after the page: act on its controls only then
            await Expect(page.Locator("html")).ToHaveAttributeAsync("data-filter-view", query);
    }
}
