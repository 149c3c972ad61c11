using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>One annotator on the leaderboard; <see cref="Quality"/> is null where cleanlab gives NaN.</summary>
public sealed record LeaderboardRow(int Annotator, string Name, double? Quality, double Agreement, int WorstClass, string WorstClassName, int Labelled);

/// <summary>What the leaderboard page shows: the upload (null when the link is unknown) and its annotators, best first.</summary>
public sealed record LeaderboardPage(UploadLookup? Upload, IReadOnlyList<LeaderboardRow> Rows)
{
    public bool IsMultiAnnotator => Upload?.Dataset.Upload?.Task == UploadTask.MultiAnnotator;

    public bool IsReady => IsMultiAnnotator && Upload?.Job?.State == AnalysisJobState.Succeeded;
}

/// <summary>
/// The annotator leaderboard of a multi-annotator upload (<c>/u/{token}/annotators</c>): cleanlab's annotator_stats,
/// best annotator first (highest quality, then agreement with the consensus, then most examples labelled; annotators
/// without a quality last), with class names for the worst class.
/// </summary>
public sealed class AnnotatorLeaderboard(UploadQueries uploads, AnnotatorQueries annotators)
{
    public async Task<LeaderboardPage> LoadAsync(string token, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        if (upload is null || upload.Dataset.Upload?.Task != UploadTask.MultiAnnotator)
            return new LeaderboardPage(upload, []);
        var stats = await annotators.AnnotatorsAsync(upload.Dataset.Id, cancellationToken);
        var classes = upload.Dataset.Classes;
        return new LeaderboardPage(upload, Rank(stats.Select(a => new LeaderboardRow(
            a.Annotator, a.Name, a.AnnotatorQuality, a.AgreementWithConsensus, a.WorstClass,
            a.WorstClass < classes.Count ? classes[a.WorstClass].Name : a.WorstClass.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a.NumExamplesLabeled))));
    }

    public static IReadOnlyList<LeaderboardRow> Rank(IEnumerable<LeaderboardRow> rows) =>
        rows.OrderBy(r => r.Quality is null)
            .ThenByDescending(r => r.Quality ?? 0)
            .ThenByDescending(r => r.Agreement)
            .ThenByDescending(r => r.Labelled)
            .ThenBy(r => r.Annotator)
            .ToList();
}
