using LabelErrors.Data.Json;
using System.Text.Json;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Web.Browse;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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

    public Task<VoteOutcome> VoteAsync(BrowseDataset dataset, long studyIndex, string browserId, VisitorAnswer answer, CancellationToken cancellationToken = default) =>
        VoteAsync(dataset, studyIndex, browserId, new VisitorBallot(answer), cancellationToken);

    public async Task<VoteOutcome> VoteAsync(BrowseDataset dataset, long studyIndex, string browserId, VisitorBallot ballot, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return new VoteOutcome(null, "browserId must be 8 to 64 letters, digits, '-' or '_'");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await StudyExampleAsync(db, dataset.Id, studyIndex, cancellationToken);
        if (example is null)
            return new VoteOutcome(null, $"there is no example {studyIndex} to vote on");
        var question = VisitorQuestion.For(dataset, example.GivenLabel, example.GuessedLabel, example.GivenLabelNames, example.GuessedLabelNames);
        if (ballot.ProblemWith(question, dataset.Name) is { } problem)
            return new VoteOutcome(null, problem);

        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One voter at a time per example, so the recount below never misses a concurrent vote.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({example.Id})", cancellationToken);
            var now = time.GetUtcNow();
            var answerName = ballot.Answer.ToString();
            var heard = new NpgsqlParameter("heard", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ballot.HeardLabels?.ToArray() ?? (object)DBNull.Value };
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO visitor_votes (dataset_id, example_id, browser_id, answer, heard_labels, voted_at) VALUES ({dataset.Id}, {example.Id}, {browserId}, {answerName}, {heard}, {now})
                ON CONFLICT (dataset_id, example_id, browser_id) DO UPDATE SET answer = excluded.answer, heard_labels = excluded.heard_labels, voted_at = excluded.voted_at
                """, cancellationToken);

            var tally = await db.VisitorTallies.FindAsync([dataset.Id, example.Id], cancellationToken);
            if (tally is null)
            {
                tally = new VisitorTally { DatasetId = dataset.Id, ExampleId = example.Id };
                db.VisitorTallies.Add(tally);
            }
            await RecountAsync(db, tally, question, cancellationToken);
            tally.IsDisputed = DisputeRule.IsDisputed(example.Consensus, tally, question);
            tally.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new VoteOutcome(tally);
        });
        // The tally and the "disputed" badge show on the dataset's cached gallery and permalink pages.
        await pages.EvictDatasetAsync(dataset.Slug, CancellationToken.None);
        return outcome;
    }

    private static async Task RecountAsync(LabelErrorsDbContext db, VisitorTally tally, VisitorQuestion question, CancellationToken cancellationToken)
    {
        var counts = await db.VisitorVotes.Where(v => v.DatasetId == tally.DatasetId && v.ExampleId == tally.ExampleId).GroupBy(v => v.Answer)
            .Select(g => new { Answer = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int C(VisitorAnswer a) => counts.FirstOrDefault(c => c.Answer == a)?.Count ?? 0;
        tally.Given = C(VisitorAnswer.Given);
        tally.Guessed = C(VisitorAnswer.Guessed);
        tally.Both = C(VisitorAnswer.Both);
        tally.Neither = C(VisitorAnswer.Neither);
        tally.Neutral = C(VisitorAnswer.Neutral);
        tally.OffTopic = C(VisitorAnswer.OffTopic);
        tally.Positive = C(VisitorAnswer.Positive);
        tally.Negative = C(VisitorAnswer.Negative);
        // Only answers to this example's question count: votes cast before AudioSet and Amazon got their own questions
        // (given/guessed/both/neither) stay stored but answer another question.
        tally.Total = counts.Where(c => question.Offers(c.Answer)).Sum(c => c.Count);
        if (!question.IsPerLabel)
            return;
        // A handful of short lists per clip: counted here rather than with unnest in SQL.
        var ballots = await db.VisitorVotes.Where(v => v.DatasetId == tally.DatasetId && v.ExampleId == tally.ExampleId && v.Answer == VisitorAnswer.HeardLabels && v.HeardLabels != null)
            .Select(v => v.HeardLabels!).ToListAsync(cancellationToken);
        var perLabel = question.Labels.ToDictionary(label => label, label => ballots.Count(b => b.Contains(label)));
        tally.LabelVotesJson = LabelVotes.ToJson(perLabel);
    }

    public async Task<string?> ReportAsync(BrowseDataset dataset, long studyIndex, string browserId, string note, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return "browserId must be 8 to 64 letters, digits, '-' or '_'";
        note = note.Trim();
        if (note.Length is 0 or > MaxNoteLength)
            return $"the note must be 1 to {MaxNoteLength} characters";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var example = await StudyExampleAsync(db, dataset.Id, studyIndex, cancellationToken);
        if (example is null)
            return $"there is no example {studyIndex} to report";
        db.CorrectionReports.Add(new CorrectionReport { DatasetId = dataset.Id, ExampleId = example.Id, BrowserId = browserId, Note = note, ReportedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<VisitorTally?> TallyAsync(int datasetId, long exampleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.VisitorTallies.AsNoTracking().SingleOrDefaultAsync(t => t.DatasetId == datasetId && t.ExampleId == exampleId, cancellationToken);
    }

    public async Task<VisitorBallot?> AnswerOfAsync(int datasetId, long exampleId, string browserId, CancellationToken cancellationToken = default)
    {
        if (!IsValidBrowserId(browserId))
            return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.VisitorVotes.AsNoTracking().Where(v => v.DatasetId == datasetId && v.ExampleId == exampleId && v.BrowserId == browserId)
            .Select(v => new VisitorBallot(v.Answer, v.HeardLabels)).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<int> ReportCountAsync(int datasetId, long exampleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CorrectionReports.CountAsync(r => r.DatasetId == datasetId && r.ExampleId == exampleId, cancellationToken);
    }

    // Votes are for the study's sets only (an upload's examples are its owner's to review).
    private static Task<StudyExample?> StudyExampleAsync(LabelErrorsDbContext db, int datasetId, long studyIndex, CancellationToken cancellationToken) =>
        db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.StudyIndex == studyIndex && !db.Datasets.Any(d => d.Id == datasetId && d.IsUpload))
            .Select(e => new StudyExample(e.Id, e.Consensus, e.GivenLabel, e.GuessedLabel, e.GivenLabelNames, e.GuessedLabelNames))
            .SingleOrDefaultAsync(cancellationToken);

    private sealed record StudyExample(long Id, ConsensusCategory? Consensus, int GivenLabel, int? GuessedLabel, List<string>? GivenLabelNames, List<string>? GuessedLabelNames);
}
