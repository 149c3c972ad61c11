using System.Net;
using System.Security.Cryptography;

namespace LabelErrors.Web.Tests.Api;

/// <summary>
/// The corrected exports are promised byte for byte the same for the same options: their SHA-256, taken before the
/// CSV writing moved to a library, is pinned for MNIST (whole test set, so .npy too) and Amazon (checked examples only).
/// </summary>
[Collection(StudyApiCollection.Name)]
public sealed class CorrectedExportBytesTests(StudyApiSite site)
{
    [Theory]
    [InlineData("mnist", "format=csv", "c3adbf4339892def7656c4588a7f360da82208dbbcd9ed96a71ded1155a4a5e5")]
    [InlineData("mnist", "min_agreement=5&multi_label=drop&neither=drop&non_agreement=drop&format=csv", "bca55cee349270bd95b30452d6e1b698a492d090f3304188a14d7462093f6e60")]
    [InlineData("mnist", "min_agreement=3&neither=drop&format=json", "7a6f3c7a801e717cca6f9ae8e3eede1a4f7f2faf3add271e7d2ade5153d8389f")]
    [InlineData("mnist", "min_agreement=4&non_agreement=drop&format=npy", "9708802b478a8fca69c378145166872df4fb67cd03e141060cfa5c22df65944a")]
    [InlineData("amazon", "format=csv", "da0e2fcefb9d78b54535827619bf2814ac255d74641b98330e7f827a98fc3c45")]
    [InlineData("amazon", "min_agreement=2&neither=drop&format=json", "a154c53c8af44d94c4907e41215cc4a961f83d0bbd83254d7f9f717a718c22bf")]
    public async Task Export_bytes_are_pinned(string dataset, string query, string sha256)
    {
        var response = await site.Client.GetAsync($"/api/v1/datasets/{dataset}/corrected?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync())));
    }
}
