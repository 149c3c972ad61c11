using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;

namespace LabelErrors.Data.Tests.Queries;

public sealed class ExampleQueryTests
{
    [Fact]
    public void The_default_view_has_an_empty_query_string()
    {
        Assert.Equal("", ExampleQuery.Default.ToQueryString());
        Assert.Equal(ExampleQuery.Default, ExampleQuery.Parse(""));
        Assert.Equal(ExampleQuery.Default, ExampleQuery.Parse(null));
    }

    [Fact]
    public void Every_field_round_trips_through_the_query_string()
    {
        var query = new ExampleQuery
        {
            Scope = ExampleScope.ClFlagged, AgreementOption = VoteOption.Neither, MinAgreement = 2, GivenFewerThan = 3,
            Consensus = [ConsensusCategory.Neither, ConsensusCategory.Correctable], GivenClass = 7, GuessedClass = 0,
            Text = "a \"quoted\" phrase & more, here", Sort = ExampleSort.Agreement, Page = 4, PageSize = 48,
        };

        var text = query.ToQueryString();
        var parsed = ExampleQuery.Parse(text);

        Assert.Equal(query, parsed);
        Assert.Equal(text, parsed.ToQueryString());
        Assert.Equal([ConsensusCategory.Correctable, ConsensusCategory.Neither], parsed.Consensus);
        Assert.Equal("a \"quoted\" phrase & more, here", parsed.Text);
        Assert.StartsWith("?scope=flagged&agree=neither&k=2&given_lt=3&consensus=correctable,neither&given=7&guessed=0&q=a+%22quoted%22+phrase+%26+more,+here&sort=agreement&page=4&size=48", text);
    }

    [Theory]
    [InlineData("?k=9", "")]
    [InlineData("?k=-1&page=0&size=1000", "")]
    [InlineData("?scope=bogus&sort=&agree=maybe", "")]
    [InlineData("?consensus=neither,nonsense,neither", "?consensus=neither")]
    [InlineData("?K=3&SCOPE=ALL", "?scope=all&k=3")]
    [InlineData("k=3&unknown=1", "?k=3")]
    [InlineData("?q=%20%20", "")]
    [InlineData("?q=%E0%A4", "?q=%25E0%25A4")]
    public void Invalid_or_unknown_values_fall_back_to_defaults(string input, string canonical)
    {
        Assert.Equal(canonical, ExampleQuery.Parse(input).ToQueryString());
    }

    [Fact]
    public void The_upload_filters_round_trip_and_count_as_filters()
    {
        var query = new ExampleQuery { Scope = ExampleScope.Issues, SuggestedClass = 3, MaxLabelQuality = 0.125, Sort = ExampleSort.IssueRank };

        var text = query.ToQueryString();

        Assert.Equal("?scope=issues&suggested=3&quality_max=0.125&sort=rank", text);
        Assert.Equal(query, ExampleQuery.Parse(text));
        Assert.True(query.HasFilters);
        Assert.False(query.WithoutFilters().HasFilters);
        Assert.Equal("?scope=issues&sort=rank", query.WithoutFilters().ToQueryString());
    }

    [Theory]
    [InlineData("?quality_max=1.5", "")]
    [InlineData("?quality_max=-0.1", "")]
    [InlineData("?quality_max=abc&suggested=-2", "")]
    [InlineData("?quality_max=1", "?quality_max=1")]
    public void A_label_quality_bound_outside_0_to_1_is_ignored(string input, string canonical)
    {
        Assert.Equal(canonical, ExampleQuery.Parse(input).ToQueryString());
    }

    [Fact]
    public void Other_defaults_leave_their_scope_and_sort_out_of_the_query_string()
    {
        var defaults = new ExampleQuery { Scope = ExampleScope.Issues, Sort = ExampleSort.IssueRank };

        Assert.Equal("", defaults.ToQueryString(defaults: defaults));
        Assert.Equal(defaults, ExampleQuery.Parse("", defaults));
        Assert.Equal("?given=2", ExampleQuery.Parse("?given=2", defaults).ToQueryString(defaults: defaults));
        // The study gallery's own defaults are then spelled out, so the view cannot change meaning.
        Assert.Equal("?scope=validated&sort=quality", ExampleQuery.Default.ToQueryString(defaults: defaults));
        Assert.Equal(ExampleQuery.Default, ExampleQuery.Parse("?scope=validated&sort=quality", defaults));
    }

    [Fact]
    public void Without_filters_keeps_scope_sort_and_option_and_goes_to_page_one()
    {
        var query = ExampleQuery.Parse("?scope=checked&agree=both&k=3&consensus=neither&given=2&q=x&sort=index&page=3");

        Assert.True(query.HasFilters);
        Assert.Equal("?scope=checked&agree=both&sort=index", query.WithoutFilters().ToQueryString());
        Assert.False(query.WithoutFilters().HasFilters);
        Assert.Equal(1, query.FirstPage().Page);
    }

    [Fact]
    public void The_page_can_be_left_out_of_links_to_permalinks()
    {
        Assert.Equal("?k=3", ExampleQuery.Parse("?k=3&page=7").ToQueryString(includePage: false));
    }
}
