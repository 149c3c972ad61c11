using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace LabelErrors.Web.Components.Shared;

/// <summary>
/// The classes and icon markup MudBlazor's <c>MudButton</c> renders, for buttons written as plain elements where a
/// page is rendered for every first visit (the permalink and its vote island): the same look, no component per button.
/// </summary>
public static class PlainButton
{
    /// <summary>The classes of a <c>MudButton</c> with this variant, colour and size.</summary>
    public static string Classes(Variant variant, Color color, Size size)
    {
        var v = variant == Variant.Filled ? "filled" : variant == Variant.Outlined ? "outlined" : "text";
        var c = color.ToString().ToLowerInvariant();
        var s = size.ToString().ToLowerInvariant();
        return $"mud-button-root mud-button mud-button-{v} mud-button-{v}-{c} mud-button-{v}-size-{s} mud-ripple";
    }

    /// <summary>A button's start or end icon (<c>StartIcon</c>/<c>EndIcon</c>) as <c>MudButton</c> renders it, medium size.</summary>
    public static MarkupString Icon(string svgPaths, bool start) => new(
        $"<span class=\"mud-button-icon-{(start ? "start" : "end")} mud-button-icon-size-medium\">"
        + $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{svgPaths}</svg></span>");
}
