using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LabelErrors.E2E;

/// <summary>
/// The browse pages are output-cached: two browsers that receive the very same cached HTML (the same Blazor component
/// markers and prerendered state) must each get their own working interactive circuit.
/// </summary>
[Collection(StudySiteCollection.Name)]
public sealed partial class CachedPageTests(StudySiteFixture site) : IAsyncLifetime
{
    private IBrowserContext _first = null!;
    private IBrowserContext _second = null!;

    public async Task InitializeAsync()
    {
        _first = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        _second = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
    }

    public async Task DisposeAsync()
    {
        await _first.CloseAsync();
        await _second.CloseAsync();
    }

    [Fact]
    public async Task Two_browsers_given_the_same_cached_gallery_both_become_interactive()
    {
        // A view no other test opens, so the first browser's request is the one that fills the cache.
        var url = site.BaseUrl + "/d/cifar10?sort=agreement";
        var (first, firstHtml, firstAge) = await OpenAsync(_first, url);
        var (second, secondHtml, secondAge) = await OpenAsync(_second, url);

        Assert.Null(firstAge);
        Assert.NotNull(secondAge); // "Age" is only present on a response served from the output cache
        Assert.Equal(ComponentMarkers(firstHtml), ComponentMarkers(secondHtml));
        Assert.NotEmpty(ComponentMarkers(firstHtml));

        foreach (var page in new[] { first, second })
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await Expect(page).ToHaveURLAsync(new Regex(@"/d/cifar10\?sort=agreement&page=2$"));
            await Expect(page.Locator("#page-status")).ToHaveTextAsync("Page 2 of 2");
            await Expect(page.Locator(".example-card")).ToHaveCountAsync(8);
        }
        // Each circuit is its own: the first browser goes back, the second stays on page 2.
        await first.Keyboard.PressAsync("ArrowLeft");
        await Expect(first.Locator("#page-status")).ToHaveTextAsync("Page 1 of 2");
        await Expect(second.Locator("#page-status")).ToHaveTextAsync("Page 2 of 2");
    }

    [Fact]
    public async Task Two_browsers_given_the_same_cached_permalink_both_walk_to_the_next_example()
    {
        var url = site.BaseUrl + "/d/cifar10/70?k=1";
        var (first, firstHtml, firstAge) = await OpenAsync(_first, url);
        var (second, secondHtml, secondAge) = await OpenAsync(_second, url);

        Assert.Null(firstAge);
        Assert.NotNull(secondAge);
        Assert.Equal(ComponentMarkers(firstHtml), ComponentMarkers(secondHtml));
        Assert.Empty(await _first.CookiesAsync());
        Assert.Empty(await _second.CookiesAsync());

        foreach (var page in new[] { first, second })
        {
            var next = await page.Locator("#example-next").GetAttributeAsync("href");
            Assert.NotNull(next);
            await page.Keyboard.PressAsync("j");
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(next!) + "$"));
            await Expect(page.Locator("h1")).Not.ToHaveTextAsync("CIFAR-10 #70");
        }
    }

    private static async Task<(IPage Page, string Html, string? Age)> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.Equal(200, response!.Status);
        var headers = await response.AllHeadersAsync();
        var html = await response.TextAsync();
        await BrowserPages.WaitInteractiveAsync(page);
        return (page, html, headers.GetValueOrDefault("age"));
    }

    private static List<string> ComponentMarkers(string html) =>
        ServerMarker().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex(@"<!--Blazor:\{""type"":""server"".*?-->")]
    private static partial Regex ServerMarker();
}
