using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace LabelErrors.Web.Components.Layout;

/// <summary>
/// The theme's CSS (MudBlazor's palette, typography and layout variables, its scrollbar and chart rules) as one
/// stylesheet that browsers cache, instead of the 12 KB <c>&lt;style&gt;</c> MudThemeProvider writes into every page
/// (and re-renders with it). The text is MudThemeProvider's own output, rendered once at start for the light and the
/// dark palette, so the look cannot drift from MudBlazor's: the light variables on <c>:root</c>, the dark ones on
/// <c>:root.theme-dark</c> (the class js/theme.js sets from the visitor's choice before the page is painted).
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";
    public const string DarkClass = "theme-dark";

    public ThemeStylesheet(IServiceProvider services, ILoggerFactory loggerFactory)
    {
        // Once per process, off any synchronisation context (HtmlRenderer dispatches to its own).
        var light = Task.Run(() => RenderStylesAsync(services, loggerFactory, dark: false)).GetAwaiter().GetResult();
        var dark = Task.Run(() => RenderStylesAsync(services, loggerFactory, dark: true)).GetAwaiter().GetResult();
        Css = Combine(light, dark);
        Version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))[..12];
        Url = $"{Path}?v={Version}";
    }

    public string Css { get; }

    /// <summary>A hash of the text: the page links <see cref="Url"/>, so a changed theme is a new address.</summary>
    public string Version { get; }

    public string Url { get; }

    internal static string Combine(IReadOnlyList<string> light, IReadOnlyList<string> dark)
    {
        if (light.Count != dark.Count)
            throw new InvalidOperationException("MudThemeProvider wrote different style blocks for the light and the dark palette.");
        var css = new StringBuilder();
        foreach (var block in light)
            css.AppendLine(block.Trim());
        for (var i = 0; i < dark.Count; i++)
        {
            if (dark[i] == light[i])
                continue;
            var block = dark[i].Trim();
            // Only the variables differ between the palettes (the rules read them); anything else would be lost here.
            if (!block.StartsWith(":root{", StringComparison.Ordinal))
                throw new InvalidOperationException($"MudThemeProvider's dark style differs outside :root: {block[..Math.Min(80, block.Length)]}");
            // Only the variables the dark palette changes (each is a line of its own): half the text, the same result.
            var lightLines = light[i].Split('\n').Select(l => l.Trim()).ToHashSet();
            css.Append($":root.{DarkClass}{{").AppendLine();
            foreach (var line in block.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("--", StringComparison.Ordinal) && !lightLines.Contains(l)))
                css.AppendLine(line);
            css.AppendLine("}");
        }
        return css.ToString();
    }

    private static async Task<IReadOnlyList<string>> RenderStylesAsync(IServiceProvider services, ILoggerFactory loggerFactory, bool dark)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = AppTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        var blocks = StyleBlock().Matches(html).Select(m => m.Groups[1].Value).ToList();
        if (blocks.Count == 0)
            throw new InvalidOperationException("MudThemeProvider wrote no <style>.");
        return blocks;
    }

    [GeneratedRegex(@"<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();
}
