using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

public sealed class ContentTypesTests
{
    [Theory]
    [InlineData("7.png", "image/png")]
    [InlineData("7.jpg", "image/jpeg")]
    [InlineData("7.jpeg", "image/jpeg")]
    [InlineData("7.gif", "image/gif")]
    [InlineData("7.bmp", "image/bmp")]
    [InlineData("7.webp", "image/webp")]
    [InlineData("7.unknown", "application/octet-stream")]
    public void Every_accepted_image_extension_has_its_media_type(string fileName, string expected) =>
        Assert.Equal(expected, ContentTypes.Of(fileName));

    [Fact]
    public void Every_extension_an_upload_may_hold_is_an_image_type()
    {
        foreach (var extension in ZipContentValidator.ImageExtensions)
            Assert.StartsWith("image/", ContentTypes.Of("0" + extension));
    }
}
