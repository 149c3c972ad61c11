using LabelErrors.Data.Entities;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads.MultiLabel;

public sealed class UploadTasksTests
{
    [Theory]
    [InlineData(null, UploadTask.MultiClass)]
    [InlineData("", UploadTask.MultiClass)]
    [InlineData("multi-class", UploadTask.MultiClass)]
    [InlineData(" Multi-Label ", UploadTask.MultiLabel)]
    public void Names_parse_to_their_task(string? value, UploadTask expected) => Assert.Equal(expected, UploadTasks.Parse(value));

    [Theory]
    [InlineData("multilabel", "is not one of multi-class, multi-label, multi-annotator")]
    [InlineData("MultiLabel", "is not one of")]
    public void Unknown_names_are_refused_on_the_task_field(string value, string message)
    {
        var refused = Assert.Throws<UploadRejectedException>(() => UploadTasks.Parse(value));
        Assert.Equal(UploadField.Task, refused.Field);
        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void Every_task_has_a_kebab_case_name_that_parses_back()
    {
        foreach (var task in UploadTasks.Offered)
            Assert.Equal(task, UploadTasks.Parse(UploadTasks.Name(task)));
        Assert.Equal(["multi-class", "multi-label", "multi-annotator"], UploadTasks.Names);
    }
}
