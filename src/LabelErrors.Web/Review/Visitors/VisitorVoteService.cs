using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>
/// Visitors' votes and wrong-correction reports on the study's examples: one vote per example per browser (a second
/// vote replaces the first), the example's tally and "disputed" flag recounted in the same transaction.
/// </summary>
public sealed class VisitorVoteService(IDbContextFactory<LabelErrorsDbContext> contexts, TimeProvider time, BrowsePageCache pages)
{
    public const int MaxBrowserIdLength = 64;
    public const int MaxNoteLength = 500;

    public static bool IsValidBrowserId(string? id) =>
        id is { Length: >= 8 and <= MaxBrowserIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public async Task<VoteOutcome> VoteAsync(BrowseDataset dataset, long studyIndex, string browserId, VisitorAnswer answer, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return new VoteOutcome(null, "browser_id must be 8 to 64 letters, digits, '-' or '_'");
        if (!VisitorAnswers.For(dataset).Contains(answer))
            return new VoteOutcome(null, $"'{VisitorAnswers.Name(answer)}' is not an answer for {dataset.Name}");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await StudyExampleAsync(db, dataset.Id, studyIndex, cancellationToken);
        if (example is null)
            return new VoteOutcome(null, $"there is no example {studyIndex} to vote on");

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One voter at a time per example, so the recount below never misses a concurrent vote.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({example.Id})", cancellationToken);
            var now = time.GetUtcNow();
            var answerName = answer.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO visitor_votes (example_id, browser_id, answer, voted_at) VALUES ({example.Id}, {browserId}, {answerName}, {now})
                ON CONFLICT (example_id, browser_id) DO UPDATE SET answer = excluded.answer, voted_at = excluded.voted_at
                """, cancellationToken);

            var counts = await db.VisitorVotes.Where(v => v.ExampleId == example.Id).GroupBy(v => v.Answer)
                .Select(g => new { Answer = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            int C(VisitorAnswer a) => counts.FirstOrDefault(c => c.Answer == a)?.Count ?? 0;
            var tally = await db.VisitorTallies.FindAsync([example.Id], cancellationToken);
            if (tally is null)
            {
                tally = new VisitorTally { ExampleId = example.Id };
                db.VisitorTallies.Add(tally);
            }
            tally.Given = C(VisitorAnswer.Given);
            tally.Guessed = C(VisitorAnswer.Guessed);
            tally.Both = C(VisitorAnswer.Both);
            tally.Neither = C(VisitorAnswer.Neither);
            tally.Neutral = C(VisitorAnswer.Neutral);
            tally.OffTopic = C(VisitorAnswer.OffTopic);
            tally.Total = counts.Sum(c => c.Count);
            tally.IsDisputed = DisputeRule.IsDisputed(example.Consensus, tally);
            tally.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new VoteOutcome(tally);
        });
        // The tally and the "disputed" badge show on the dataset's cached gallery and permalink pages.
        await pages.EvictDatasetAsync(dataset.Slug, CancellationToken.None);
        return outcome;
    }

    public async Task<string?> ReportAsync(BrowseDataset dataset, long studyIndex, string browserId, string note, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return "browser_id must be 8 to 64 letters, digits, '-' or '_'";
        note = note.Trim();
        if (note.Length is 0 or > MaxNoteLength)
            return $"the note must be 1 to {MaxNoteLength} characters";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await StudyExampleAsync(db, dataset.Id, studyIndex, cancellationToken);
        if (example is null)
            return $"there is no example {studyIndex} to report";
        db.CorrectionReports.Add(new CorrectionReport { ExampleId = example.Id, BrowserId = browserId, Note = note, ReportedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<VisitorTally?> TallyAsync(long exampleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.VisitorTallies.AsNoTracking().SingleOrDefaultAsync(t => t.ExampleId == exampleId, cancellationToken);
    }

    public async Task<VisitorAnswer?> AnswerOfAsync(long exampleId, string browserId, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.VisitorVotes.AsNoTracking().Where(v => v.ExampleId == exampleId && v.BrowserId == browserId)
            .Select(v => (VisitorAnswer?)v.Answer).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<int> ReportCountAsync(long exampleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CorrectionReports.CountAsync(r => r.ExampleId == exampleId, cancellationToken);
    }

    // Votes are for the study's sets only (an upload's examples are its owner's to review).
    private static Task<StudyExample?> StudyExampleAsync(LabelErrorsDbContext db, int datasetId, long studyIndex, CancellationToken cancellationToken) =>
        db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex && !db.Datasets.Any(d => d.Id == datasetId && d.IsUpload))
            .Select(e => new StudyExample(e.Id, e.Consensus))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record StudyExample(long Id, ConsensusCategory? Consensus);
}
