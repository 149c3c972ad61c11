using System.Net;
using System.Text.RegularExpressions;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Layout;

/// <summary>The layout's theme is one cached stylesheet and its menu plain links (issue #17: less per uncached page).</summary>
public sealed partial class LayoutMarkupTests
{
    [Fact]
    public async Task Pages_link_the_theme_stylesheet_instead_of_inlining_it_and_it_holds_both_palettes()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var client = app.CreateClient();

        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("mud-theme-provider", html);
        Assert.DoesNotContain("--mud-palette-primary:", html);
        var href = ThemeLink().Match(html);
        Assert.True(href.Success, "the page links no /theme.css?v=…");

        var response = await client.GetAsync(WebUtility.HtmlDecode(href.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        var css = await response.Content.ReadAsStringAsync();
        // AppTheme's light primary on :root, its dark primary (and dark colour scheme) on :root.theme-dark.
        var light = css[..css.IndexOf(":root.theme-dark{", StringComparison.Ordinal)];
        var dark = css[css.IndexOf(":root.theme-dark{", StringComparison.Ordinal)..];
        Assert.Contains("--mud-palette-primary: rgba(57,73,171,1);", light);
        Assert.Contains("--mud-native-html-color-scheme: light;", light);
        Assert.Contains("--mud-typography-default-family: system-ui", light);
        Assert.Contains("::-webkit-scrollbar", light);
        Assert.Contains("--mud-palette-primary: rgba(140,158,255,1);", dark);
        Assert.Contains("--mud-native-html-color-scheme: dark;", dark);

        // Another version is served too (an old page after a deploy), but not kept for a year.
        var other = await client.GetAsync("/theme.css?v=old");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain("immutable", other.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task The_menu_marks_the_current_dataset_like_MudNavLink_did()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = new LabelErrorsAppFactory(database.ConnectionString);
        var client = app.CreateClient();
        await client.GetAsync("/healthz");
        await Cifar10Row.AddAsync(app);

        var home = await client.GetStringAsync("/");
        Assert.Equal(["/"], ActiveLinks(home));
        Assert.Contains("<a href=\"/scalar/v1\" target=\"_blank\" rel=\"noopener noreferrer\"", home);
        Assert.Contains("<div class=\"mud-nav-link-text\">CIFAR-10</div>", home);

        var gallery = await client.GetAsync("/d/cifar10?scope=checked");
        Assert.Equal(["/d/cifar10"], ActiveLinks(await gallery.Content.ReadAsStringAsync()));
        var charts = await client.GetStringAsync("/charts");
        Assert.Equal(["/charts"], ActiveLinks(charts));
    }

    private static List<string> ActiveLinks(string html) =>
        ActiveLink().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/theme\\.css\\?v=[0-9a-f]+)\"")]
    private static partial Regex ThemeLink();

    [GeneratedRegex("<a href=\"([^\"]*)\"[^>]*class=\"mud-nav-link mud-ripple active\" aria-current=\"page\"")]
    private static partial Regex ActiveLink();
}
