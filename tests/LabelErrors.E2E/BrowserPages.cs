using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>Helpers shared by the browse tests: open a page, wait for the Blazor circuit, check accessibility.</summary>
public static class BrowserPages
{
    public static async Task<IPage> OpenAsync(IBrowserContext context, string url, List<string>? errors = null)
    {
        var page = await context.NewPageAsync();
        if (errors is not null)
        {
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
        }
        // Not NetworkIdle: images of sets whose content is not bundled may wait on a remote fallback.
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>MainLayout marks the document once the circuit has rendered: MudBlazor controls respond from then on.</summary>
    public static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.documentElement.dataset.interactive === 'true'");

    /// <summary>The serious and critical axe violations, formatted for an assertion message.</summary>
    /// <summary>
    /// Opens a MudSelect's list by clicking its <paramref name="combobox"/>. A click that lands while the gallery's
    /// filter island is still taking over the page's controls after a navigation (the race docs/performance.md
    /// "Input before the islands are interactive" lists as a known limit) opens nothing: it is clicked once more after
    /// 5 s, and the list must then open.
    /// </summary>
    public static async Task OpenSelectAsync(IPage page, ILocator combobox)
    {
        var open = page.Locator(".mud-popover-open");
        await combobox.ClickAsync();
        try
        {
            await Assertions.Expect(open).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            await combobox.ClickAsync();
            await Assertions.Expect(open).ToHaveCountAsync(1);
        }
    }

    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(4).Select(n => n.Html))}")
            .ToList();
    }
}
