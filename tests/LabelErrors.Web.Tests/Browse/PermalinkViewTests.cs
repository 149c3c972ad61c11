using LabelErrors.Data.Queries;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Browse;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Browse;

/// <summary>The permalink's one load: the dataset, the example, and its neighbours in the gallery view it came from.</summary>
public sealed class PermalinkViewTests : IAsyncLifetime
{
    private TestSite _site = null!;

    private PermalinkView View => _site.Services.GetRequiredService<PermalinkView>();

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        await _site.SeedStudyAsync();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("?sort=index")]
    [InlineData("?consensus=correctable&sort=index")]
    public async Task The_neighbours_are_the_examples_before_and_after_it_in_the_view(string queryString)
    {
        var view = ExampleQuery.Parse(queryString);
        var dataset = await _site.Services.GetRequiredService<DatasetLookup>().FindAsync("cifar10");
        var page = await _site.Services.GetRequiredService<ExampleSearch>().SearchAsync(dataset!.Id, view with { PageSize = ExampleQuery.MaxPageSize });
        var order = page.Items.Select(i => i.StudyIndex).ToList();
        Assert.True(order.Count >= 3, $"the view has {order.Count} examples");

        for (var i = 0; i < order.Count; i++)
        {
            var loaded = await View.LoadAsync("cifar10", order[i].ToString(System.Globalization.CultureInfo.InvariantCulture), view);
            Assert.True(loaded.Found);
            Assert.Equal(order[i], loaded.Example!.StudyIndex);
            Assert.Equal("CIFAR-10", loaded.Dataset!.Name);
            Assert.Equal(i == 0 ? null : order[i - 1], loaded.Neighbours.Previous);
            Assert.Equal(i == order.Count - 1 ? null : order[i + 1], loaded.Neighbours.Next);
        }
    }

    [Fact]
    public async Task An_unknown_example_or_dataset_is_not_found()
    {
        var missing = await View.LoadAsync("cifar10", "7", ExampleQuery.Default);
        Assert.False(missing.Found);
        Assert.NotNull(missing.Dataset);
        Assert.Null(missing.Example);

        Assert.Null((await View.LoadAsync("cifar10", "not-a-number", ExampleQuery.Default)).Example);
        var noDataset = await View.LoadAsync("nope", "0", ExampleQuery.Default);
        Assert.Null(noDataset.Dataset);
        Assert.Null(noDataset.Example);
    }

    [Fact]
    public async Task The_example_comes_with_its_workers_votes_and_its_visitors_tally()
    {
        var dataset = (await _site.Services.GetRequiredService<DatasetLookup>().FindAsync("cifar10"))!;
        var item = (await _site.Services.GetRequiredService<ExampleSearch>().SearchAsync(dataset.Id, ExampleQuery.Default)).Items[0];
        var index = item.StudyIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var before = await View.LoadAsync("cifar10", index, ExampleQuery.Default);
        Assert.NotNull(before.Example!.Votes);
        Assert.Equal(item.Votes!.Total, before.Example.Votes.Total);
        Assert.Null(before.Example.VisitorTally);

        var votes = _site.Services.GetRequiredService<LabelErrors.Web.Review.Visitors.VisitorVoteService>();
        await votes.VoteAsync(dataset, item.StudyIndex, "browser-permalink-1", LabelErrors.Data.Entities.VisitorAnswer.Guessed);
        var after = await View.LoadAsync("cifar10", index, ExampleQuery.Default);
        Assert.Equal(1, after.Example!.VisitorTally?.Total);
        Assert.Equal(1, after.Example.VisitorTally?.Guessed);
    }
}
