using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// An upload's example permalink walks the gallery view it was opened from: following its Next links from the view's
/// first example visits exactly the view's examples in order (checked against the issues CSV, written by other code),
/// and Previous walks back.
/// </summary>
public sealed partial class UploadExamplePageTests
{
    [Fact]
    public async Task Prev_and_next_walk_the_view_in_the_query_string()
    {
        using var data = new SyntheticUpload(examples: 300, classes: 3, seed: 21, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, _) = await site.UploadAsync(data, "prev next");
        var view = (await site.Client.GetStringAsync(UploadUrls.IssuesCsv(token)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(','))
            .Where(f => f[1] == "1").Select(f => long.Parse(f[0], CultureInfo.InvariantCulture)).ToList();
        Assert.True(view.Count >= 3, $"the view has {view.Count} examples; the test needs 3");

        var forward = await WalkAsync(site, $"/u/{token}/{view[0]}?given=1", "example-next", token);
        Assert.Equal(view, forward);
        var backward = await WalkAsync(site, $"/u/{token}/{view[^1]}?given=1", "example-prev", token);
        Assert.Equal(Enumerable.Reverse(view), backward);
    }

    [Fact]
    public async Task Without_a_query_string_the_links_walk_the_flagged_issues_and_keep_the_link_bare()
    {
        using var data = new SyntheticUpload(examples: 200, classes: 3, seed: 22, flipFraction: 0.12);
        await using var site = await TestSite.StartAsync();
        var (token, _) = await site.UploadAsync(data, "bare links");
        var ranked = (await site.Client.GetStringAsync(UploadUrls.IssuesCsv(token)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => long.Parse(line.Split(',')[0], CultureInfo.InvariantCulture)).Take(3).ToList();

        var html = await site.Client.GetStringAsync($"/u/{token}/{ranked[1]}");

        Assert.Equal($"/u/{token}/{ranked[0]}", Href(html, "example-prev"));
        Assert.Equal($"/u/{token}/{ranked[2]}", Href(html, "example-next"));
    }

    private static async Task<List<long>> WalkAsync(TestSite site, string start, string direction, string token)
    {
        var visited = new List<long>();
        for (string? url = start; url is not null && visited.Count < 1000;)
        {
            var html = await site.Client.GetStringAsync(url);
            var path = url.Split('?')[0];
            visited.Add(long.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture));
            url = Href(html, direction);
            if (url is not null)
                Assert.Matches($"^/u/{token}/\\d+\\?given=1$", url);
        }
        return visited;
    }

    // The href of the link with this id, or null when it is disabled (MudBlazor renders a disabled link as a button).
    private static string? Href(string html, string id)
    {
        var tag = Regex.Match(html, $"<(a|button)\\b[^>]*\\bid=\"{id}\"[^>]*>");
        Assert.True(tag.Success, $"no link or button with id \"{id}\" on the page");
        if (tag.Groups[1].Value == "button")
            return null;
        var href = HrefAttribute().Match(tag.Value);
        return href.Success ? WebUtility.HtmlDecode(href.Groups[1].Value) : null;
    }

    [GeneratedRegex("\\bhref=\"([^\"]*)\"")]
    private static partial Regex HrefAttribute();
}
