using MudBlazor;

namespace LabelErrors.Web.Components.Layout;

/// <summary>The site's palette: one place so pages and generated images agree on colours.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#e65100",
            AppbarBackground = "#283593",
            Background = "#f5f6fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#ffab40",
            AppbarBackground = "#1a1d2e",
            // MudBlazor's default (white at 50 %) fails WCAG AA contrast for labels and captions on dark surfaces.
            TextSecondary = "rgba(255,255,255,0.72)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
