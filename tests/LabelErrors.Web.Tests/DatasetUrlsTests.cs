using LabelErrors.Web.Browse;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests;

public class DatasetUrlsTests
{
    [Theory]
    [InlineData("mnist")]
    [InlineData("cifar10")]
    [InlineData("20news")]
    public void A_study_set_links_to_its_gallery(string slug) =>
        Assert.Equal($"/d/{slug}", DatasetUrls.Gallery(slug));

    [Fact]
    public void A_listed_upload_links_straight_to_its_share_link()
    {
        var token = ShareTokens.NewShareToken();

        Assert.Equal($"/u/{token}", DatasetUrls.Gallery(ShareTokens.Slug(token)));
    }
}
