using System.Net;
using System.Security.Cryptography;
using System.Buffers.Text;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Uploads;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// An upload is reachable only through /u/{token}: its internal slug under the study's routes redirects there, gives
/// the same answer whether or not the upload exists, and an unlisted upload's slug is shown nowhere.
/// </summary>
public sealed class UploadSlugRedirectTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private HttpClient _noRedirects = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _noRedirects = _site.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var data = new SyntheticUpload(examples: 120, classes: 3, seed: 31, flipFraction: 0.1);
        (_token, _) = await _site.UploadAsync(data, "secret unlisted upload");
    }

    public async Task DisposeAsync()
    {
        _noRedirects.Dispose();
        await _site.DisposeAsync();
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?scope=flagged", "")]
    [InlineData("?scope=flagged&given=0&guessed=1", "?given=0&suggested=1")] // a chart cell's link
    [InlineData("?scope=all&quality_max=0.5&page=2", "?scope=all&quality_max=0.5&page=2")]
    [InlineData("?scope=validated&consensus=neither&k=3", "")]
    public async Task The_gallery_slug_redirects_to_the_share_link_with_the_view(string studyQuery, string uploadQuery)
    {
        var response = await _noRedirects.GetAsync($"/d/{ShareTokens.Slug(_token)}{studyQuery}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/u/{_token}{uploadQuery}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_example_slug_redirects_to_the_upload_example_with_the_view()
    {
        var response = await _noRedirects.GetAsync($"/d/{ShareTokens.Slug(_token)}/7?scope=flagged&given=2");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/u/{_token}/7?given=2", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Following_the_slug_ends_on_the_upload_page_not_the_study_gallery()
    {
        var response = await _site.Client.GetAsync($"/d/{ShareTokens.Slug(_token)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"/u/{_token}", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("secret unlisted upload", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_made_up_slug_gets_the_same_kind_of_answer_as_a_real_one()
    {
        // No database read decides the answer, so it cannot tell whether an upload exists.
        var madeUp = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

        var response = await _noRedirects.GetAsync($"/d/{ShareTokens.Slug(madeUp)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/u/{madeUp}", response.Headers.Location?.OriginalString);
        var page = await _site.Client.GetStringAsync($"/u/{madeUp}");
        Assert.DoesNotContain("secret unlisted upload", page);
    }

    [Theory]
    [InlineData("u-zz")]
    [InlineData("u-0123456789ABCDEF0123456789ABCDEF")] // slugs are lowercase
    [InlineData("u-0123456789abcdef")]
    public async Task A_slug_that_is_not_an_upload_slug_is_not_found(string slug)
    {
        var response = await _noRedirects.GetAsync($"/d/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/datasets")]
    [InlineData("/charts")]
    [InlineData("/upload")]
    public async Task An_unlisted_upload_is_named_nowhere(string path)
    {
        var body = await _site.Client.GetStringAsync(path);

        Assert.DoesNotContain(ShareTokens.Slug(_token), body);
        Assert.DoesNotContain(_token, body);
        Assert.DoesNotContain("secret unlisted upload", body);
    }
}
