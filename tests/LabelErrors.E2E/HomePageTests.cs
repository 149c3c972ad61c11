using Microsoft.Playwright;

namespace LabelErrors.E2E;

[Collection(SiteCollection.Name)]
public sealed class HomePageTests(SiteFixture site)
{
    [Fact]
    public async Task Home_renders_in_headless_chromium_without_console_errors()
    {
        var page = await site.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(site.BaseUrl + "/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Label errors");
        await Assertions.Expect(page.Locator("#empty-state")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("home"), FullPage = true });
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Dark_mode_is_remembered_across_reloads()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/", new() { WaitUntil = WaitUntilState.NetworkIdle });
        // The toggle works over the circuit: a click before it is attached is lost (NetworkIdle ignores the WebSocket,
        // and a page served from the output cache arrives before the circuit is up).
        await BrowserPages.WaitInteractiveAsync(page);
        var lightBackground = await BodyBackgroundAsync(page);

        await page.ClickAsync("#dark-mode-toggle");
        await page.WaitForFunctionAsync("() => localStorage.getItem('labelerrors-theme') === 'dark'");
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync($"() => getComputedStyle(document.body).backgroundColor !== '{lightBackground}'");

        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("home-dark"), FullPage = true });
        Assert.NotEqual(lightBackground, await BodyBackgroundAsync(page));
        await context.CloseAsync();
    }

    private static Task<string> BodyBackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
