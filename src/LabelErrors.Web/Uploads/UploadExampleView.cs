using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Uploads.MultiLabel;

namespace LabelErrors.Web.Uploads;

/// <summary>What the permalink of one uploaded example shows: the upload, the example, and its prev/next in a view.</summary>
public sealed record UploadExamplePage(UploadLookup? Upload, Example? Example, ExampleNeighbours Neighbours)
{
    /// <summary>A multi-label upload's example: its classes (given, suggested, per-class quality); null for other tasks.</summary>
    public MultiLabelExample? MultiLabel { get; init; }

    public bool Found => Upload is not null && Example is not null;
}

/// <summary>
/// Loads the permalink of one example of an upload (<c>/u/{token}/{index}</c>) in one call, so the page never shows
/// the new example with the previous one's prev/next links.
/// </summary>
public sealed class UploadExampleView(UploadQueries uploads, ExampleDetails details, ExampleSearch search, MultiLabelGallery multiLabel)
{
    public async Task<UploadExamplePage> LoadAsync(string token, long index, ExampleQuery view, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        return upload is null ? NotFound(null) : await LoadAsync(upload, index, view, cancellationToken);
    }

    /// <summary>
    /// The permalink for the page's query string, whatever the upload's task: a multi-label upload's prev/next walk
    /// its own gallery view (<see cref="MultiLabelView"/>) and its example comes with its classes.
    /// </summary>
    public async Task<UploadExamplePage> LoadAsync(string token, long index, string? queryString, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        if (upload is null)
            return NotFound(null);
        if (upload.Dataset.Upload?.Task != UploadTask.MultiLabel)
            return await LoadAsync(upload, index, UploadGallery.Parse(queryString), cancellationToken);

        var example = await details.FindAsync(upload.Dataset.Id, index, cancellationToken);
        var classes = example is null ? null : await multiLabel.FindAsync(upload.Dataset.Id, index, cancellationToken);
        if (example is null || classes is null)
            return NotFound(upload);
        var view = MultiLabelView.Parse(queryString, upload.Dataset.ClassCount);
        var (previous, next) = await multiLabel.NeighboursAsync(upload.Dataset.Id, view, index, cancellationToken);
        return new UploadExamplePage(upload, example, new ExampleNeighbours(previous, next)) { MultiLabel = classes };
    }

    private async Task<UploadExamplePage> LoadAsync(UploadLookup upload, long index, ExampleQuery view, CancellationToken cancellationToken)
    {
        var example = await details.FindAsync(upload.Dataset.Id, index, cancellationToken);
        if (example is null)
            return NotFound(upload);
        var neighbours = await search.NeighboursAsync(upload.Dataset.Id, view, example.StudyIndex, cancellationToken);
        return new UploadExamplePage(upload, example, neighbours);
    }

    private static UploadExamplePage NotFound(UploadLookup? upload) => new(upload, null, new ExampleNeighbours(null, null));
}
