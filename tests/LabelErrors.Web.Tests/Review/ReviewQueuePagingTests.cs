using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Review;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review;

/// <summary>
/// The review queue read by keyset a window at a time (5 items here): the same order as the whole flagged list the
/// queue used to load (that statement is written out here, with ties of label quality and a missing quality and rank
/// put in), every window boundary crossed forwards and back, and decisions, going back and undo across a boundary.
/// </summary>
public sealed class ReviewQueuePagingTests : IAsyncLifetime
{
    private const int Window = 5;
    private TestSite _site = null!;
    private SyntheticUpload _data = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync(new Dictionary<string, string?> { ["Review:QueueWindow"] = $"{Window}" });
        _data = new SyntheticUpload(examples: 300, classes: 4, seed: 9, flipFraction: 0.12);
    }

    public async Task DisposeAsync()
    {
        _data.Dispose();
        await _site.DisposeAsync();
    }

    [Fact]
    public async Task The_keyset_queue_is_the_old_whole_list_order_with_ties_and_missing_scores()
    {
        var upload = await UploadAsync();
        var id = upload.Dataset.Id;
        await TieAndBlankAsync(id);
        var expected = await OldQueueAsync(id);
        Assert.True(expected.Count > 3 * Window, $"only {expected.Count} flagged examples");
        var queue = _site.Services.GetRequiredService<ReviewService>().Queue(id);

        Assert.Equal(expected.Count, await queue.CountAsync(CancellationToken.None));
        foreach (var take in new[] { 1, 2, Window, 7 })
        {
            Assert.Equal(expected, (await ReviewQueueWalk.AllAsync(queue, take)).Select(i => i.StudyIndex));
            Assert.Equal(expected, (await ReviewQueueWalk.AllBackwardsAsync(queue, take)).Select(i => i.StudyIndex));
        }
        var items = await ReviewQueueWalk.AllAsync(queue);
        for (var i = 0; i < items.Count; i++)
            Assert.Equal(i, await queue.CountBeforeAsync(items[i], CancellationToken.None));
        var some = new[] { expected[^1], expected[17], expected[3], expected[^4] };
        Assert.Equal(expected[3], (await queue.FirstOfAsync(some, CancellationToken.None))!.StudyIndex);
        Assert.Equal(4, await queue.CountOfAsync([.. some, -1, 100_000], CancellationToken.None));
        var unflagged = Enumerable.Range(0, _data.Examples).Select(i => (long)i).Except(expected).First();
        Assert.Null(await queue.FirstOfAsync([unflagged], CancellationToken.None));
    }

    [Fact]
    public async Task A_session_shows_the_old_order_moving_through_every_window_and_back()
    {
        var upload = await UploadAsync();
        var expected = await OldQueueAsync(upload.Dataset.Id);
        using var session = await OpenAsync(upload);
        Assert.Equal(expected.Count, session.Total);

        for (var p = 0; p < expected.Count; p++)
        {
            AssertAt(session, expected, p);
            await session.HandleKeyAsync("ArrowRight");
        }
        Assert.Equal(expected.Count - 1, session.Position);
        for (var p = expected.Count - 1; p >= 0; p--)
        {
            AssertAt(session, expected, p);
            await session.HandleKeyAsync("ArrowLeft");
        }
        Assert.Equal(0, session.Position);

        // A move by many places, to the end and back to the start, reads those ends.
        await session.MoveAsync(expected.Count + 5);
        AssertAt(session, expected, expected.Count - 1);
        await session.MoveAsync(-expected.Count);
        AssertAt(session, expected, 0);
        await session.MoveAsync(2 * Window + 3);
        AssertAt(session, expected, 2 * Window + 3);
    }

    [Fact]
    public async Task Decisions_going_back_and_undo_work_across_a_window_boundary()
    {
        var upload = await UploadAsync();
        var expected = await OldQueueAsync(upload.Dataset.Id);
        using var session = await OpenAsync(upload);

        // Seven decisions cross the first boundary (position 5).
        for (var p = 0; p < Window + 2; p++)
        {
            AssertAt(session, expected, p);
            Assert.True(await session.HandleKeyAsync("q"));
        }
        Assert.Equal(Window + 2, session.Position);
        Assert.Equal(Window + 2, session.Decided);

        // Far ahead, then back across the boundaries one key at a time: the decisions show where they were made.
        await session.MoveAsync(4 * Window);
        for (var p = session.Position; p > Window - 1; p--)
            Assert.True(await session.HandleKeyAsync("ArrowLeft"));
        AssertAt(session, expected, Window - 1);
        Assert.Equal(ReviewDecisionKind.Keep, session.DecisionOf(session.Current!)!.Kind);

        // Deciding again goes on to the first undecided example after it.
        Assert.True(await session.HandleKeyAsync("e"));
        AssertAt(session, expected, Window + 2);
        Assert.Equal(Window + 2, session.Decided);

        // Undo from far away returns to the example it changed, whose keep counts again.
        await session.MoveAsync(5 * Window);
        Assert.True(session.Held.Start > Window, $"the window {session.Held} should have left the start");
        Assert.True(await session.HandleKeyAsync("z"));
        AssertAt(session, expected, Window - 1);
        Assert.Equal(ReviewDecisionKind.Keep, session.DecisionOf(session.Current!)!.Kind);
        Assert.Equal(Window + 2, session.Decided);

        // The log holds what was decided, by the examples of the old order.
        var log = (await _site.Client.GetStringAsync(ReviewUrls.DecisionLog(upload.Dataset.Upload!.ShareToken)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(expected.Take(Window + 2).Append(expected[Window - 1]).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            log.Select(f => f[0]));
        Assert.Equal(Enumerable.Repeat("keep", Window + 2).Append("exclude"), log.Select(f => f[1]));

        // A new session resumes after the decided ones, two windows in.
        using var resumed = await OpenAsync(upload);
        AssertAt(resumed, expected, Window + 2);
        Assert.Equal(Window + 2, resumed.Decided);
    }

    [Fact]
    public async Task A_decision_outside_the_queue_is_not_counted_as_decided()
    {
        var upload = await UploadAsync();
        var expected = await OldQueueAsync(upload.Dataset.Id);
        var unflagged = Enumerable.Range(0, _data.Examples).Select(i => (long)i).Except(expected).First();
        await _site.Services.GetRequiredService<ReviewService>().DecideAsync(upload.Dataset.Id, new DecisionInput(unflagged, ReviewDecisionKind.Keep));

        using var session = await OpenAsync(upload);
        Assert.Equal(0, session.Decided);
        AssertAt(session, expected, 0);
    }

    private static void AssertAt(ReviewSession session, List<long> expected, int position)
    {
        Assert.Equal(position, session.Position);
        Assert.Equal(expected[position], session.Current!.StudyIndex);
        Assert.Equal(position + 1 < expected.Count ? expected[position + 1] : null, session.Next?.StudyIndex);
        var (start, count) = session.Held;
        Assert.InRange(count, 1, 2 * Window);
        Assert.InRange(position, start, start + count - 1);
    }

    // The statement ReviewService.QueueAsync ran before the queue was paged: every flagged example at once.
    private async Task<List<long>> OldQueueAsync(int datasetId)
    {
        await using var db = await _site.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        return await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == datasetId && e.IsClFlagged)
            .OrderBy(e => e.LabelQuality ?? double.MaxValue).ThenBy(e => e.IssueRank).ThenBy(e => e.StudyIndex)
            .Select(e => e.StudyIndex)
            .ToListAsync();
    }

    // Ties the label quality of four flagged examples (so rank, then index, order them), and takes the quality of one
    // and the rank of another away (an upload's job writes both; the order still puts them last).
    private async Task TieAndBlankAsync(int datasetId)
    {
        await using var db = await _site.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        var flagged = await db.Examples.Where(e => e.DatasetId == datasetId && e.IsClFlagged).OrderBy(e => e.StudyIndex).Select(e => e.StudyIndex).ToListAsync();
        var tied = flagged.Take(4).ToArray();
        var tiedRows = db.Examples.Where(e => e.DatasetId == datasetId && tied.Contains(e.StudyIndex));
        Assert.Equal(4, await tiedRows.ExecuteUpdateAsync(s => s.SetProperty(e => e.LabelQuality, 0.05)));
        Assert.Equal(1, await db.Examples.Where(e => e.DatasetId == datasetId && e.StudyIndex == tied[1]).ExecuteUpdateAsync(s => s.SetProperty(e => e.IssueRank, (int?)null)));
        Assert.Equal(1, await db.Examples.Where(e => e.DatasetId == datasetId && e.StudyIndex == flagged[5]).ExecuteUpdateAsync(s => s.SetProperty(e => e.LabelQuality, (double?)null)));
        Assert.Equal(1, await db.Examples.Where(e => e.DatasetId == datasetId && e.StudyIndex == flagged[6]).ExecuteUpdateAsync(s => s.SetProperty(e => e.LabelQuality, (double?)null)));
    }

    private async Task<UploadLookup> UploadAsync()
    {
        var (token, key) = await _site.UploadAsync(new UploadForm().Field("name", "paging").File("labels", _data.LabelsPath).File("pred_probs", _data.PredProbsPath));
        var upload = await _site.Services.GetRequiredService<ReviewAccess>().WritableAsync(token, key);
        Assert.NotNull(upload);
        return upload;
    }

    private Task<ReviewSession> OpenAsync(UploadLookup upload) =>
        _site.Services.GetRequiredService<ReviewSessions>().OpenAsync(upload);
}
