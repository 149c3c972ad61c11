using System.Net;
using System.Text.RegularExpressions;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests;

/// <summary>The browse pages as a crawler sees them: prerendered HTML over HTTP, no Blazor circuit.</summary>
public sealed partial class BrowsePageTests(BrowseSite site) : IClassFixture<BrowseSite>
{
    [Theory]
    [InlineData("/d/no-such-dataset")]
    [InlineData("/d/no-such-dataset/1")]
    [InlineData("/d/cifar10/99999")]
    [InlineData("/d/cifar10/not-a-number")]
    [InlineData("/d/cifar10/5/extra")]
    public async Task Unknown_datasets_and_examples_are_a_real_404_with_a_way_back(string path)
    {
        var response = await site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Back to the datasets", html);
    }

    [Fact]
    public async Task Gallery_is_prerendered_with_the_count_and_cards_of_the_default_view()
    {
        var html = await site.Client.GetStringAsync("/d/cifar10");

        // 40 checked examples, 8 of them "not an error": 32 validated errors, 24 on the first page.
        Assert.Contains("<b>32</b> examples", html);
        Assert.Equal(24, CardLinks(html, "cifar10").Count);
        Assert.Contains("Page 1 of 2", html);
        Assert.Contains("/img/cifar10/", html);
    }

    [Theory]
    [InlineData("?scope=all", 42)]
    [InlineData("?scope=checked", 40)]
    [InlineData("?consensus=neither", 8)]
    [InlineData("?scope=checked&consensus=not-an-error,correctable", 16)]
    [InlineData("?k=4", 8)]
    [InlineData("?agree=both&k=3", 8)]
    [InlineData("?agree=neither&k=3", 8)]
    [InlineData("?scope=checked&given_lt=1", 8)]
    [InlineData("?given=3", 4)]
    [InlineData("?guessed=6", 4)]
    public async Task Filters_in_the_query_string_are_applied_on_the_server(string query, int expected)
    {
        var html = await site.Client.GetStringAsync("/d/cifar10" + query);

        Assert.Contains($"<b>{expected}</b> example", html);
    }

    [Fact]
    public async Task The_gallery_arrives_with_a_working_filter_form_holding_the_view()
    {
        // Keys in a non-canonical order: the form states the canonical view, and each control holds its value.
        var html = await site.Client.GetStringAsync("/d/cifar10?given=3&consensus=neither,correctable&k=3&scope=checked&sort=index&size=8");
        var form = Regex.Match(html, "<form[^>]*id=\"filters-static\".*?</form>", RegexOptions.Singleline).Value;

        Assert.Contains("method=\"get\" action=\"/d/cifar10\"", form);
        Assert.Contains("data-view=\"?scope=checked&amp;k=3&amp;consensus=correctable,neither&amp;given=3&amp;sort=index&amp;size=8\"", form);
        Assert.Contains("<option value=\"checked\" selected>", form);
        Assert.Contains("<option value=\"\">Validated label errors</option>", form); // the default scope is left out of the URL
        Assert.Contains("name=\"k\" min=\"0\" max=\"5\" step=\"1\" value=\"3\"", form);
        Assert.Contains("value=\"correctable\" checked", form);
        Assert.Contains("value=\"neither\" checked", form);
        Assert.DoesNotContain("value=\"not-an-error\" checked", form);
        Assert.Contains("data-class-of=\"given\" value=\"cat\"", form);
        Assert.Contains("<input type=\"hidden\" name=\"given\" value=\"3\" />", form);
        Assert.Contains("<option value=\"index\" selected>", form);
        Assert.Contains("<input type=\"hidden\" name=\"size\" value=\"8\" />", form);
        Assert.DoesNotContain("name=\"page\"", form); // a filter change starts at page 1
    }

    [Fact]
    public async Task The_filter_survives_in_every_link_of_the_page()
    {
        var html = await site.Client.GetStringAsync("/d/cifar10?scope=checked&k=1&agree=given&sort=agreement");

        // Canonical order of keys, whatever order the request used.
        var links = CardLinks(html, "cifar10");
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.EndsWith("?scope=checked&agree=given&k=1&sort=agreement", link));
        Assert.Contains("href=\"/d/cifar10?scope=checked&amp;agree=given&amp;k=1&amp;sort=agreement&amp;page=2\"", html);
    }

    [Fact]
    public async Task An_empty_result_offers_to_loosen_the_filter()
    {
        var html = await site.Client.GetStringAsync("/d/cifar10?consensus=not-an-error");

        Assert.Contains("<b>0</b> examples", html);
        Assert.Contains("No examples match this filter", html);
        Assert.Contains("href=\"/d/cifar10?scope=checked&amp;consensus=not-an-error\"", html);
    }

    [Fact]
    public async Task Permalink_is_prerendered_with_open_graph_meta_canonical_url_and_votes()
    {
        var response = await site.Client.GetAsync("/d/cifar10/10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var baseUrl = site.Client.BaseAddress!.ToString();
        Assert.Contains($"<link rel=\"canonical\" href=\"{baseUrl}d/cifar10/10\"", html);
        Assert.Contains($"<meta property=\"og:image\" content=\"{baseUrl}og/cifar10/10.png\"", html);
        // Blazor encodes non-ASCII characters (the curly quotes) as entities: compare the decoded page.
        Assert.Contains("<meta property=\"og:title\" content=\"CIFAR-10 #10: labelled “automobile”, guessed “deer”\"", WebUtility.HtmlDecode(html));
        Assert.Contains("name=\"twitter:card\" content=\"summary_large_image\"", html);
        Assert.Contains("Workers saw the image and chose which label fits it", html);
        Assert.Contains("correctable", html);
        Assert.Contains("Flagged by confident learning", html);
        Assert.Contains("src=\"/img/cifar10/10.png?size=512\"", html);
    }

    [Fact]
    public async Task Permalink_prev_and_next_follow_the_current_filter()
    {
        // Validated errors sorted by label quality (lowest first): study indices 390, 380, … (NotAnError ones skipped).
        var html = await site.Client.GetStringAsync("/d/cifar10/380?consensus=correctable,neither");

        // Correctable: i % 5 == 1 (10, 60, 110, …), Neither: i % 5 == 3 (30, 80, …); quality falls with i, so the order is 380, 360, 330, 310, …
        Assert.Contains("href=\"/d/cifar10/360?consensus=correctable,neither\"", html);
        Assert.DoesNotContain("/d/cifar10/390?consensus", html); // 390 is non-agreement: not in this filter
        var first = await site.Client.GetStringAsync("/d/cifar10/380?consensus=correctable,neither&sort=index");
        Assert.Contains("href=\"/d/cifar10/360?consensus=correctable,neither&amp;sort=index\"", first);
    }

    [Fact]
    public async Task Texts_are_html_escaped_and_keep_their_paragraphs()
    {
        var html = await site.Client.GetStringAsync("/d/imdb/7");

        Assert.Contains("&lt;b&gt;Not bold&lt;/b&gt; &lt;script&gt;window.pwned = true&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>window.pwned", html);
        Assert.Contains("\n\nSecond paragraph", WebUtility.HtmlDecode(html));
        Assert.Contains("Workers read the review and chose its sentiment", html);
    }

    [Fact]
    public async Task Text_search_filters_the_gallery()
    {
        var html = await site.Client.GetStringAsync("/d/imdb?scope=checked&q=wonderful");

        // Odd indices are positive reviews ("wonderful") except 7, whose text is the markup review: 1, 3, 5, 9.
        Assert.Contains("<b>4</b> examples", html);
        Assert.Equal(["/d/imdb/1", "/d/imdb/3", "/d/imdb/5", "/d/imdb/9"], CardLinks(html, "imdb").Select(l => l.Split('?')[0]).Distinct().Order().ToArray());
    }

    [Fact]
    public async Task Audio_permalink_embeds_the_clip_at_its_start_time_with_a_link_fallback()
    {
        var html = await site.Client.GetStringAsync("/d/audioset/2");

        Assert.Contains("src=\"https://www.youtube-nocookie.com/embed/lL5jq1TDiXQ?start=30&amp;end=40\"", html);
        Assert.Contains("loading=\"lazy\"", html);
        Assert.Contains("href=\"https://www.youtube.com/watch?v=lL5jq1TDiXQ&amp;t=30s\"", html);
        Assert.Contains("Cheering (given)", html);
    }

    [Fact]
    public async Task Home_shows_the_paper_figures_and_our_recomputation_where_they_differ()
    {
        var html = await site.Client.GetStringAsync("/");

        Assert.Contains("Table 1 of the paper", html);
        Assert.Contains("(ours: 727)", html);
        Assert.DoesNotContain("(ours: 54)", html); // CIFAR-10 agrees with the paper: shown once
        Assert.Contains("Seeded difference for the test.", html);
        Assert.Contains("/img/cifar10/cover.png", html);
    }

    private static List<string> CardLinks(string html, string slug) =>
        CardLinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(link => link.StartsWith($"/d/{slug}/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    [GeneratedRegex("class=\"example-link\" href=\"([^\"]+)\"")]
    private static partial Regex CardLinkPattern();
}
