using System.Net;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// <c>curl -I</c> on anything GET answers: the same status and headers (ETag, Content-Type, Content-Length when GET
/// has one, Cache-Control) and no body, on the real server.
/// </summary>
[Collection(ApiSurfaceCollection.Name)]
public sealed class HeadRequestTests(ApiSurfaceSite fixture)
{
    [Theory]
    [InlineData("/img/cifar10/10.png?size=256", true)]
    [InlineData("/img/cifar10/cover.png", true)]
    [InlineData("/og/cifar10/10.png", true)]
    [InlineData("/api/v1/datasets/cifar10/corrected?format=csv", true)]
    [InlineData("/d/cifar10/10", true)]
    [InlineData("/api/v1/datasets", true)]
    [InlineData("/api/v1/datasets/cifar10/examples/10", true)]
    [InlineData("/upload", false)] // rendered per request (antiforgery token): same headers, not the same byte count
    public async Task Head_answers_with_the_headers_of_get_and_no_body(string url, bool sameBytes)
    {
        using var get = await fixture.Client.GetAsync(url);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        Assert.True(get.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)get.StatusCode}");

        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.ETag?.ToString(), head.Headers.ETag?.ToString());
        Assert.Equal(get.Headers.CacheControl?.ToString(), head.Headers.CacheControl?.ToString());
        if (get.Content.Headers.ContentLength is { } length)
        {
            Assert.Equal(getBody.Length, length);
            Assert.True(head.Content.Headers.ContentLength > 0, $"HEAD {url} has no Content-Length");
            if (sameBytes)
                Assert.Equal(length, head.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task Images_exports_and_json_carry_an_etag_that_head_repeats()
    {
        foreach (var url in new[] { "/img/cifar10/10.png?size=256", "/og/cifar10/10.png", "/api/v1/datasets/cifar10/corrected?format=csv", "/api/v1/datasets" })
        {
            using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            Assert.True(head.Headers.ETag is not null, $"HEAD {url} has no ETag");
            Assert.True(head.Content.Headers.ContentLength > 0, $"HEAD {url} has no Content-Length");
        }
    }

    [Fact]
    public async Task Head_on_an_upload_export_streamed_without_a_length_answers_too()
    {
        var url = $"/api/v1/uploads/{fixture.Token}/issues.csv";
        using var get = await fixture.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Content.Headers.ContentDisposition?.ToString(), head.Content.Headers.ContentDisposition?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_on_a_missing_image_is_a_404_like_get()
    {
        using var head = await fixture.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/img/cifar10/99999.png?size=256"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }
}
