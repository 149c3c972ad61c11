using LabelErrors.Data;
using LabelErrors.Web.Review;
using LabelErrors.Web.Review.MultiLabel;
using LabelErrors.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Uploads.TenMillion;

/// <summary>
/// The review queue of the 10M-row upload (≈ 1M flagged rows): a session's window opening and moving across window
/// boundaries, and the queue's statements at a position deep in the queue, in the multi-class order (label quality on
/// the is_cl_flagged index) and the multi-label one (issue rank). And the statement the queue ran before it was paged,
/// which fails the same check.
/// </summary>
public sealed partial class TenMillionRowPlanTests
{
    // Flagged: every tenth example (StagedUploadSeed); this one sits in the middle of the upload.
    private const long DeepFlagged = 5_000_000;

    [Fact]
    public async Task A_review_queue_opens_and_moves_a_window_at_a_time_through_an_index()
    {
        // The session's window on the queue (the session itself also reads the current example's row of the
        // pred_probs file, which this fixture does not write).
        var window = new QueueWindow<ReviewItem>(upload.Services.GetRequiredService<ReviewService>().Queue(upload.DatasetId), 100);
        var recorder = upload.StartRecording();
        await window.OpenAsync(CancellationToken.None);
        Assert.InRange(window.Total, TenMillionRowUpload.Examples / 10 - 1, TenMillionRowUpload.Examples / 10 + 1);
        Assert.Equal((0, 100), window.Held);
        // The count and the first window.
        AssertIndexedPlans("review, open", recorder, minimum: 2);

        // Past the first windows, then back before the start of the window held then, then to the queue's end.
        recorder = upload.StartRecording();
        await window.HoldAsync(300, CancellationToken.None);
        Assert.NotNull(window.At(301));
        await window.HoldAsync(199, CancellationToken.None);
        Assert.NotNull(window.At(199));
        await window.HoldAsync(window.Total - 1, CancellationToken.None);
        Assert.NotNull(window.At(window.Total - 1));
        AssertIndexedPlans("review, moves across windows", recorder, minimum: 5);
    }

    [Fact]
    public async Task The_review_queues_statements_deep_in_the_queue_read_an_index()
    {
        var queue = upload.Services.GetRequiredService<ReviewService>().Queue(upload.DatasetId);
        var recorder = upload.StartRecording();
        var deep = await queue.FirstOfAsync([DeepFlagged, DeepFlagged + 10], CancellationToken.None);
        Assert.NotNull(deep);
        Assert.Equal(100, (await queue.AfterAsync(deep, 100, CancellationToken.None)).Count);
        Assert.Equal(100, (await queue.BeforeAsync(deep, 100, CancellationToken.None)).Count);
        Assert.Equal(100, (await queue.BeforeAsync(null, 100, CancellationToken.None)).Count);
        Assert.InRange(await queue.CountBeforeAsync(deep, CancellationToken.None), 1, TenMillionRowUpload.Examples / 10);
        Assert.Equal(2, await queue.CountOfAsync([DeepFlagged, DeepFlagged + 10, DeepFlagged + 1], CancellationToken.None));
        Assert.Equal(10, (await upload.Services.GetRequiredService<ReviewService>().PreviewBulkAcceptAsync(upload.DatasetId, 10)).Count);
        AssertIndexedPlans("review queue, deep", recorder, minimum: 9);

        var ranked = upload.Services.GetRequiredService<MultiLabelReviewService>().Queue(upload.DatasetId);
        recorder = upload.StartRecording();
        var first = await ranked.AfterAsync(null, 100, CancellationToken.None);
        var deepRanked = await ranked.FirstOfAsync([DeepFlagged], CancellationToken.None);
        Assert.NotNull(deepRanked);
        Assert.Equal(100, (await ranked.AfterAsync(deepRanked, 100, CancellationToken.None)).Count);
        Assert.Equal(100, (await ranked.BeforeAsync(deepRanked, 100, CancellationToken.None)).Count);
        Assert.InRange(await ranked.CountBeforeAsync(deepRanked, CancellationToken.None), 1, TenMillionRowUpload.Examples / 10);
        Assert.Equal(100, first.Count);
        Assert.InRange(await ranked.CountAsync(CancellationToken.None), TenMillionRowUpload.Examples / 10 - 1, TenMillionRowUpload.Examples / 10 + 1);
        AssertIndexedPlans("multi-label review queue", recorder, minimum: 7);
    }

    [Fact]
    public async Task The_whole_queue_statement_the_review_ran_before_fails_the_check()
    {
        await using var db = await upload.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        var recorder = upload.StartRecording();
        // ReviewService.QueueAsync until 2026-12-07: every flagged row, sorted, at once (the first row is enough here:
        // the plan is taken before the statement runs, and the sort is done before the first row comes).
        await foreach (var _ in db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == upload.DatasetId && e.IsClFlagged)
            .OrderBy(e => e.LabelQuality ?? double.MaxValue).ThenBy(e => e.IssueRank).ThenBy(e => e.StudyIndex)
            .Select(e => new { e.Id, e.StudyIndex, e.GivenLabel, Suggested = e.GuessedLabel ?? e.PredictedLabel, e.LabelQuality, e.NormalizedMargin, e.IssueRank })
            .AsAsyncEnumerable())
            break;
        var (sql, plan) = Assert.Single(recorder.Plans);
        output.WriteLine($"the old review queue:\n{sql}\n{plan}\n");
        Assert.NotEmpty(PlanProblems(plan, MaxSortedRows));
    }
}
