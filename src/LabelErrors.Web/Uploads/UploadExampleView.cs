using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Uploads;

/// <summary>What the permalink of one uploaded example shows: the upload, the example, and its prev/next in a view.</summary>
public sealed record UploadExamplePage(UploadLookup? Upload, Example? Example, ExampleNeighbours Neighbours)
{
    public bool Found => Upload is not null && Example is not null;
}

/// <summary>
/// Loads the permalink of one example of an upload (<c>/u/{token}/{index}</c>) in one call, so the page never shows
/// the new example with the previous one's prev/next links.
/// </summary>
public sealed class UploadExampleView(UploadQueries uploads, ExampleDetails details, ExampleSearch search)
{
    public async Task<UploadExamplePage> LoadAsync(string token, long index, ExampleQuery view, CancellationToken cancellationToken = default)
    {
        var none = new ExampleNeighbours(null, null);
        var upload = await uploads.FindAsync(token, cancellationToken);
        if (upload is null)
            return new UploadExamplePage(null, null, none);
        var example = await details.FindAsync(upload.Dataset.Id, index, cancellationToken);
        if (example is null)
            return new UploadExamplePage(upload, null, none);
        var neighbours = await search.NeighboursAsync(upload.Dataset.Id, view, example.StudyIndex, cancellationToken);
        return new UploadExamplePage(upload, example, neighbours);
    }
}
