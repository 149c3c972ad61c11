using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;

namespace LabelErrors.Web.Browse;

/// <summary>What the permalink of one study example shows: the dataset, the example, and its prev/next in a view.</summary>
public sealed record PermalinkPage(BrowseDataset? Dataset, Example? Example, ExampleNeighbours Neighbours)
{
    public bool Found => Dataset is not null && Example is not null;
}

/// <summary>
/// Loads the permalink of one study example (<c>/d/{dataset}/{id}</c>) in one call and one database round trip:
/// everything is read before the page changes any field, so a render in between never shows the new example with the
/// previous one's prev/next links.
/// </summary>
public sealed class PermalinkView(DatasetLookup datasets, ExampleSearch search)
{
    /// <summary>The page for <paramref name="id"/> (the study index as written in the URL) within <paramref name="view"/>.</summary>
    public async Task<PermalinkPage> LoadAsync(string slug, string id, ExampleQuery view, CancellationToken cancellationToken = default)
    {
        var none = new ExampleNeighbours(null, null);
        var dataset = await datasets.FindAsync(slug, cancellationToken);
        if (dataset is null || !long.TryParse(id, out var index))
            return new PermalinkPage(dataset, null, none);
        // One round trip: the example, its votes, text and visitor tally, and its neighbours in the view.
        var (example, neighbours) = await search.FindWithNeighboursAsync(dataset.Id, index, view, cancellationToken);
        return new PermalinkPage(dataset, example, example is null ? none : neighbours);
    }
}
