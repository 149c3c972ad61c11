using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

public sealed class UploadGalleryTests
{
    private const string Token = "abcdefghijklmnopqrstuv";

    [Fact]
    public void The_bare_link_shows_the_flagged_issues_in_rank_order()
    {
        var query = UploadGallery.Parse("");

        Assert.Equal(ExampleScope.Issues, query.Scope);
        Assert.Equal(ExampleSort.IssueRank, query.Sort);
        Assert.Equal($"/u/{Token}", UploadGallery.Href(Token, query));
    }

    [Fact]
    public void All_examples_are_in_label_quality_order_without_saying_so_in_the_link()
    {
        var all = UploadGallery.WithScope(UploadGallery.Defaults, ExampleScope.All) with { SuggestedClass = 2 };

        Assert.Equal(ExampleSort.LabelQuality, all.Sort);
        var href = UploadGallery.Href(Token, all);
        Assert.Equal($"/u/{Token}?scope=all&suggested=2", href);
        Assert.Equal(all, UploadGallery.Parse(new Uri("http://x" + href).Query));
    }

    [Fact]
    public void The_outliers_scope_is_offered_and_lists_lowest_outlier_score_first_without_saying_so_in_the_link()
    {
        Assert.Contains(ExampleScope.Outliers, UploadGallery.Scopes);
        var outliers = UploadGallery.WithScope(UploadGallery.Defaults with { Page = 3 }, ExampleScope.Outliers);

        Assert.Equal(ExampleSort.OutlierScore, outliers.Sort);
        var href = UploadGallery.Href(Token, outliers);
        Assert.Equal($"/u/{Token}?scope=outliers&page=3", href);
        Assert.Equal(outliers, UploadGallery.Parse(new Uri("http://x" + href).Query));
        Assert.Equal($"/u/{Token}/7?scope=outliers", UploadGallery.ExampleHref(Token, 7, outliers));
    }

    [Theory]
    [InlineData("?scope=outliers&sort=quality")]
    [InlineData("?scope=all&sort=outlier")]
    [InlineData("?given=1&suggested=3&quality_max=0.5&page=2")]
    [InlineData("?scope=all&given=0&page=4")]
    [InlineData("?scope=all&sort=rank")]
    [InlineData("?sort=quality")]
    public void A_view_survives_the_round_trip_through_its_link(string queryString)
    {
        var query = UploadGallery.Parse(queryString);

        Assert.Equal($"/u/{Token}{queryString}", UploadGallery.Href(Token, query));
    }

    [Theory]
    [InlineData("?scope=validated&k=3&agree=both&given_lt=2&consensus=neither&guessed=1&disputed=1&given=2", "?given=2")]
    [InlineData("?scope=checked&suggested=1", "?suggested=1")]
    [InlineData("?scope=all&sort=agreement", "?scope=all")]
    public void Study_scopes_and_vote_filters_do_not_narrow_an_upload_unseen(string queryString, string canonical)
    {
        Assert.Equal($"/u/{Token}{canonical}", UploadGallery.Href(Token, UploadGallery.Parse(queryString)));
    }

    [Fact]
    public void Scope_changes_bring_their_order_along()
    {
        var issues = UploadGallery.WithScope(UploadGallery.Parse("?scope=all&given=1"), ExampleScope.Issues);

        Assert.Equal(ExampleSort.IssueRank, issues.Sort);
        Assert.Equal(1, issues.GivenClass);
    }

    [Theory]
    [InlineData(UploadContentKind.Images, true)]
    [InlineData(UploadContentKind.Text, true)]
    [InlineData(UploadContentKind.None, false)]
    public void The_gallery_knows_whether_there_is_content_to_show(UploadContentKind content, bool hasContent)
    {
        var dataset = new Dataset
        {
            Id = 5, Slug = "u-x", Name = "X", Modality = Modality.Image, TestSetSize = 3, IsUpload = true,
            Upload = new UploadInfo { ShareToken = Token, OwnerKeyHash = "hash", StoragePath = "path", Content = content },
            Classes = [new DatasetClass { Index = 1, Name = "dog" }, new DatasetClass { Index = 0, Name = "cat" }],
        };

        var browse = UploadGallery.ToBrowseDataset(dataset);

        Assert.True(browse.IsUpload);
        Assert.Equal(hasContent, browse.HasContent);
        Assert.Equal("dog", browse.ClassName(1));
    }

    [Theory]
    [InlineData("?given=1&suggested=2&page=3", "/u/abcdefghijklmnopqrstuv/42?given=1&suggested=2")]
    [InlineData("?scope=all", "/u/abcdefghijklmnopqrstuv/42?scope=all")]
    [InlineData("", "/u/abcdefghijklmnopqrstuv/42")]
    public void An_example_link_carries_the_view_without_its_page(string queryString, string expected)
    {
        Assert.Equal(expected, UploadGallery.ExampleHref(Token, 42, UploadGallery.Parse(queryString)));
    }

    [Theory]
    [InlineData("?scope=flagged&given=0&guessed=1", "?given=0&suggested=1")]
    [InlineData("?scope=all&guessed=2&suggested=1", "?scope=all&suggested=1")]
    [InlineData("?scope=checked", "")]
    public void A_study_view_becomes_the_nearest_upload_view(string studyQuery, string uploadQuery)
    {
        Assert.Equal($"/u/{Token}{uploadQuery}", UploadGallery.Href(Token, UploadGallery.FromStudyView(studyQuery)));
    }
}
