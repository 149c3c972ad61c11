using LabelErrors.Data.Entities;
using LabelErrors.Data.Queries;
using LabelErrors.Web.Browse;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// How an upload's results page uses the shared gallery: its views are <see cref="ExampleQuery"/> values (run by
/// <see cref="ExampleSearch"/>, like the study's gallery), starting from the flagged issues in rank order, with the
/// view in the query string of <c>/u/{token}</c>.
/// </summary>
public static class UploadGallery
{
    /// <summary>The scopes an upload has: its ranked issues, its outliers or every example (it has no Mechanical Turk checks).</summary>
    public static IReadOnlyList<ExampleScope> Scopes { get; } = [ExampleScope.Issues, ExampleScope.Outliers, ExampleScope.All];

    /// <summary>What <c>/u/{token}</c> without a query string shows: the flagged issues, worst first.</summary>
    public static ExampleQuery Defaults { get; } = ExampleQuery.Default with { Scope = ExampleScope.Issues, Sort = ExampleSort.IssueRank };

    /// <summary>
    /// A view from the query string; a left-out sort means the scope's own order (see <see cref="WithScope"/>). The
    /// study's scopes, Mechanical Turk filters and agreement sort, which the page has no control for, are dropped rather
    /// than left to narrow the view unseen (a study link's query string pasted onto an upload's).
    /// </summary>
    public static ExampleQuery Parse(string? queryString)
    {
        var scope = ExampleQuery.Parse(queryString, Defaults).Scope;
        if (!Scopes.Contains(scope))
            scope = Defaults.Scope;
        var query = ExampleQuery.Parse(queryString, DefaultsFor(scope));
        return query with
        {
            Scope = scope,
            Sort = query.Sort == ExampleSort.Agreement ? OrderOf(scope) : query.Sort,
            AgreementOption = Defaults.AgreementOption,
            MinAgreement = 0,
            GivenFewerThan = null,
            Consensus = [],
            GuessedClass = null,
            Disputed = false,
        };
    }

    /// <summary>
    /// The upload view closest to a study gallery view (a <c>/d/u-…</c> link, e.g. a chart cell's): the flagged scope is
    /// the upload's issues, and the study's guessed class is the upload's suggested class (both are the argmax there).
    /// </summary>
    public static ExampleQuery FromStudyView(string? queryString)
    {
        var upload = Parse(queryString);
        return upload with { SuggestedClass = upload.SuggestedClass ?? ExampleQuery.Parse(queryString).GuessedClass };
    }

    /// <summary>
    /// The scope with its order: the issues by rank, the outliers by outlier score, every example by label quality (each
    /// read from its index). Only these pairs occur, so the upload page offers no separate sort.
    /// </summary>
    public static ExampleQuery WithScope(ExampleQuery query, ExampleScope scope) => query with { Scope = scope, Sort = OrderOf(scope) };

    /// <summary>The page's address for a view; the scope's own order is left out of it, so links stay short.</summary>
    public static string Href(string token, ExampleQuery query) => UploadUrls.Share(token) + query.ToQueryString(defaults: DefaultsFor(query.Scope));

    /// <summary>An example's permalink in a view: the view rides along so the permalink's prev/next walk that view.</summary>
    public static string ExampleHref(string token, long index, ExampleQuery query) =>
        $"{UploadUrls.Share(token)}/{index}{query.ToQueryString(includePage: false, defaults: DefaultsFor(query.Scope))}";

    private static ExampleSort OrderOf(ExampleScope scope) => scope switch
    {
        ExampleScope.Issues => ExampleSort.IssueRank,
        ExampleScope.Outliers => ExampleSort.OutlierScore,
        _ => ExampleSort.LabelQuality,
    };

    private static ExampleQuery DefaultsFor(ExampleScope scope) => Defaults with { Sort = OrderOf(scope) };

    /// <summary>The upload as the gallery components see it: its classes, and whether it has content to show.</summary>
    public static BrowseDataset ToBrowseDataset(Dataset dataset) =>
        new(dataset.Id, dataset.Slug, dataset.Name, dataset.Modality, dataset.TestSetSize,
            dataset.Classes.ToDictionary(c => c.Index, c => c.Name))
        {
            IsUpload = true,
            HasContent = dataset.Upload?.Content is not (null or UploadContentKind.None),
            LabelWord = dataset.Upload?.Task == UploadTask.MultiAnnotator ? "consensus" : "given",
        };
}
