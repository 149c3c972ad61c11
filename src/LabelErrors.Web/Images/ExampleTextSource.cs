using System.Text;
using LabelErrors.Data;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Images;

/// <summary>The text of a text example and where it came from along the content chain.</summary>
public sealed record ExampleContentText(string Text, ContentSourceKind Source);

/// <summary>
/// Texts for the permalink pages through the same chain as images: the bundled archives (imported into
/// <c>example_texts</c>) → the study's site when <c>Content:RemoteFallback</c> is on (Amazon reviews exist only
/// there) → null, for the page to say the text is not available.
/// </summary>
public sealed class ExampleTextSource(IDbContextFactory<LabelErrorsDbContext> contexts, RemoteContentFetcher remote)
{
    public async Task<ExampleContentText?> GetAsync(string dataset, long studyIndex, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Examples.AsNoTracking()
            .Where(e => e.StudyIndex == studyIndex && db.Datasets.Any(d => d.Id == e.DatasetId && d.Slug == dataset))
            .Select(e => new { Text = e.Text == null ? null : e.Text.Text, SourceUrl = e.Votes == null ? null : e.Votes.SourceUrl })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        if (row.Text is not null)
            return new ExampleContentText(row.Text, ContentSourceKind.Bundled);
        if (await remote.TryFetchAsync(row.SourceUrl, "text/", cancellationToken) is { } bytes)
            return new ExampleContentText(Decode(bytes), ContentSourceKind.Remote);
        return null;
    }

    // The study's .txt files are UTF-8; a stray invalid byte becomes U+FFFD rather than failing the page.
    private static string Decode(byte[] bytes) => new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
}
