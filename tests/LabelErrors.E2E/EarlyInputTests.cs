using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LabelErrors.E2E;

/// <summary>
/// Input given the moment a static page is on screen, before its islands are interactive (or without a circuit at
/// all): filter changes on the gallery's plain form, arrow keys on the permalink and the gallery. None of these tests
/// waits for the interactive mark before acting; each checks that the input was not lost.
/// </summary>
[Collection(StudySiteCollection.Name)]
public sealed class EarlyInputTests(StudySiteFixture site) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync() =>
        _context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });

    public Task DisposeAsync() => _context.CloseAsync();

    [Fact]
    public async Task Gallery_filters_work_without_a_circuit_and_give_the_islands_urls()
    {
        var page = await _context.NewPageAsync();
        // No circuit ever: the filter island never comes, the plain form is all there is.
        await page.RouteAsync("**/_blazor/**", route => route.AbortAsync());
        await page.GotoAsync(site.BaseUrl + "/d/cifar10", new() { WaitUntil = WaitUntilState.Commit });
        var form = page.Locator("#filters-static");
        await Expect(page.Locator("#result-count")).ToContainTextAsync("32 examples");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("early-gallery-no-circuit"), FullPage = true });

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Scope" }).SelectOptionAsync(new SelectOptionValue { Label = "All mTurk-checked" });
        await ExpectViewAsync(page, "?scope=checked", 40);

        await form.Locator("input[name=k]").FillAsync("3");
        await ExpectViewAsync(page, "?scope=checked&k=3", 8);
        await Expect(form).ToContainTextAsync("At least 3 of 5 workers chose the guessed label");

        await form.GetByRole(AriaRole.Combobox, new() { Name = "Workers who chose" }).SelectOptionAsync(new SelectOptionValue { Label = "both" });
        await ExpectViewAsync(page, "?scope=checked&agree=both&k=3", 8);

        await form.Locator("input[name=k]").FillAsync("0");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Votes for the given label" }).SelectOptionAsync(new SelectOptionValue { Label = "fewer than 1" });
        await ExpectViewAsync(page, "?scope=checked&agree=both&given_lt=1", 8);

        await page.GotoAsync(site.BaseUrl + "/d/cifar10?scope=checked", new() { WaitUntil = WaitUntilState.Commit });
        await form.Locator("summary").ClickAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "neither", Exact = true }).CheckAsync();
        await ExpectViewAsync(page, "?scope=checked&consensus=neither", 8);
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "correctable", Exact = true }).CheckAsync();
        await ExpectViewAsync(page, "?scope=checked&consensus=correctable,neither", 8);

        await page.GotoAsync(site.BaseUrl + "/d/cifar10", new() { WaitUntil = WaitUntilState.Commit });
        var given = form.GetByRole(AriaRole.Combobox, new() { Name = "Given class" });
        await given.FillAsync("cat");
        await given.PressAsync("Enter");
        await ExpectViewAsync(page, "?given=3", 4);
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Guessed class" }).FillAsync("frog");
        await page.Keyboard.PressAsync("Tab");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Sort by" }).SelectOptionAsync(new SelectOptionValue { Label = "Index" });
        await ExpectViewAsync(page, "?given=3&guessed=6&sort=index", 4);
        await Expect(page.Locator(".example-card .example-link").First).ToHaveAttributeAsync("href", "/d/cifar10/30?given=3&guessed=6&sort=index");
        await Expect(form.GetByRole(AriaRole.Combobox, new() { Name = "Given class" })).ToHaveValueAsync("cat");

        await form.GetByRole(AriaRole.Switch, new() { Name = "Disputed by visitors" }).CheckAsync();
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/d/cifar10?given=3&guessed=6&disputed=1&sort=index");
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("early-gallery-no-circuit-filtered"), FullPage = true });
    }

    [Fact]
    public async Task Two_quick_filter_changes_before_the_circuit_both_land_and_the_island_takes_over_their_view()
    {
        var page = await _context.NewPageAsync();
        // The circuit waits until the test lets it connect: the changes are made on the plain form, then the island
        // must show the view they led to.
        var circuit = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/_blazor/**", async route =>
        {
            await circuit.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(site.BaseUrl + "/d/cifar10", new() { WaitUntil = WaitUntilState.Commit });
        var form = page.Locator("#filters-static");

        // No wait between them: the second is made while the first one's page is (or may be) on its way.
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Scope" }).SelectOptionAsync(new SelectOptionValue { Label = "All mTurk-checked" });
        await form.Locator("input[name=k]").FillAsync("3");
        await ExpectViewAsync(page, "?scope=checked&k=3", 8);

        circuit.SetResult();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-filter-view", "?scope=checked&k=3", new() { Timeout = 30_000 });
        await Expect(form).ToBeHiddenAsync();
        await Expect(page.Locator("#filter-k")).ToHaveValueAsync("3");
    }

    [Fact]
    public async Task Arrow_keys_pressed_as_soon_as_the_permalink_shows_are_all_followed()
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/d/cifar10/380?consensus=correctable,neither", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("h1")).ToHaveTextAsync("CIFAR-10 #380");

        // Two steps at once: the second is pressed while the first one's page is on its way.
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("j");
        await ExpectExampleAsync(page, 330);

        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("ArrowLeft");
        await ExpectExampleAsync(page, 380);
        await Expect(page.Locator("#example-prev")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task Arrow_keys_pressed_as_soon_as_the_gallery_shows_turn_every_page()
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/d/cifar10?scope=checked&size=8", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 1 of 5");

        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("j");
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/d/cifar10?scope=checked&page=4&size=8");
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 4 of 5");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 2 of 5");
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/d/cifar10?scope=checked&page=2&size=8");
    }

    [Fact]
    public async Task The_drawer_dims_the_page_on_a_narrow_screen_and_a_click_beside_it_closes_it()
    {
        var narrow = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        var page = await narrow.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/d/cifar10", new() { WaitUntil = WaitUntilState.Commit });
        var drawer = page.Locator("#app-drawer");
        var scrim = page.Locator(".drawer-scrim");
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(scrim).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(drawer).ToBeInViewportAsync();
        await Expect(scrim).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-375-drawer-scrim") });

        // Beside the drawer (it is 240 px wide): the overlay takes the click, not the page under it.
        await page.Mouse.ClickAsync(340, 500);
        await Expect(scrim).ToBeHiddenAsync();
        await Expect(drawer).Not.ToBeInViewportAsync();
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/d/cifar10");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(scrim).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(scrim).ToBeHiddenAsync();
        await Expect(drawer).Not.ToBeInViewportAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("browse-375-gallery-form"), FullPage = true });
        await narrow.CloseAsync();
    }

    private async Task ExpectViewAsync(IPage page, string query, int count)
    {
        await Expect(page).ToHaveURLAsync(site.BaseUrl + "/d/cifar10" + query);
        await Expect(page.Locator("#result-count")).ToContainTextAsync($"{count} example");
        // The page of this view itself (the count can equal the previous view's): its form says which view it shows.
        await Expect(page.Locator("#filters-static")).ToHaveAttributeAsync("data-view", query);
    }

    private async Task ExpectExampleAsync(IPage page, long id)
    {
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape($"{site.BaseUrl}/d/cifar10/{id}?consensus=correctable,neither") + "$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync($"CIFAR-10 #{id}");
    }
}
