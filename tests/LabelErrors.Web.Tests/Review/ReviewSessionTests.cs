using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Review;
using LabelErrors.Web.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests.Review;

/// <summary>
/// The review session without a browser: queue order, resuming, moving, deciding, undo, bulk accept, hotkeys, the
/// one-at-a-time rule and the text prefetch, against uploads analysed by the app on the real test database. Expected
/// values come from the upload's issues CSV and the decision log (other code), not from the session. The session reads
/// its queue 4 items at a time here (<see cref="Window"/>), so every test crosses windows.
/// </summary>
public sealed class ReviewSessionTests : IAsyncLifetime
{
    private const int Window = 4;
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
    public async Task A_session_opens_on_the_worst_example_with_its_classes_ranked_and_nothing_decided()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        var issues = await IssuesWorstFirstAsync(session);

        Assert.Equal(issues, queue.Select(i => i.StudyIndex));
        Assert.Equal(0, session.Position);
        Assert.Equal(0, session.Decided);
        Assert.False(session.IsComplete);
        var first = session.Current!;
        var row = Row(first.StudyIndex);
        Assert.Equal(Enumerable.Range(0, _data.Classes).OrderByDescending(c => row[c]).ThenBy(c => c), session.Ranked.Select(r => r.Label));
        Assert.Equal((double)row[first.SuggestedLabel!.Value], session.SuggestedProbability!.Value, 6);
    }

    [Fact]
    public async Task Deciding_records_the_decision_with_the_note_and_moves_to_the_next_undecided_example()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        var (first, second) = (queue[0], queue[1]);

        session.Note = "looks right";
        await session.DecideAsync(ReviewDecisionKind.Keep);

        Assert.Equal(1, session.Position);
        Assert.Equal(second, session.Current);
        Assert.Null(session.Note);
        Assert.Equal(ReviewDecisionKind.Keep, session.DecisionOf(first)!.Kind);
        Assert.Equal(first.GivenLabel, session.DecisionOf(first)!.Label);
        Assert.Equal(1, session.Decided);
        Assert.Equal($"keep “{session.ClassName(first.GivenLabel)}” — looks right", session.DecisionText(session.DecisionOf(first)!));
        var log = await DecisionLogAsync(session);
        Assert.Single(log);
        Assert.StartsWith($"{first.StudyIndex},keep,{first.GivenLabel},{first.GivenLabel},", log[0]);
        Assert.Contains(",looks right,", log[0]);
    }

    [Fact]
    public async Task A_refused_decision_shows_why_and_keeps_the_position_and_the_note()
    {
        using var session = await OpenAsync(await UploadAsync());
        session.Note = new string('x', ReviewService.MaxNoteLength + 1);

        await session.DecideAsync(ReviewDecisionKind.Exclude);

        Assert.Equal(0, session.Position);
        Assert.Equal(0, session.Decided);
        Assert.Contains("longer than", session.Error);
        Assert.NotNull(session.Note);
        Assert.Empty(await DecisionLogAsync(session));

        session.Note = null;
        await session.DecideAsync(ReviewDecisionKind.Exclude);
        Assert.Null(session.Error);
        Assert.Equal(1, session.Decided);
    }

    [Fact]
    public async Task Undo_takes_back_the_latest_decision_and_returns_to_its_example()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        var first = queue[0];
        await session.DecideAsync(ReviewDecisionKind.Accept);
        await session.DecideAsync(ReviewDecisionKind.Exclude);
        Assert.Equal(2, session.Position);

        await session.UndoAsync();

        Assert.Equal(1, session.Position);
        Assert.Equal(1, session.Decided);
        Assert.Null(session.DecisionOf(queue[1]));
        Assert.Equal(ReviewDecisionKind.Accept, session.DecisionOf(first)!.Kind);
        var log = await DecisionLogAsync(session);
        Assert.Equal(2, log.Length);
        Assert.False(log[1].EndsWith(','), "the undone decision carries its undone_at");
    }

    [Fact]
    public async Task Moving_stops_at_both_ends_of_the_queue()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        await session.MoveAsync(-1);
        Assert.Equal(0, session.Position);
        await session.MoveAsync(queue.Count + 5);
        Assert.Equal(queue.Count - 1, session.Position);
        Assert.Null(session.Next);
        await session.MoveAsync(-1);
        Assert.Equal(queue.Count - 2, session.Position);
    }

    [Fact]
    public async Task Bulk_accept_previews_applies_as_one_batch_and_one_undo_takes_it_back()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        await session.DecideAsync(ReviewDecisionKind.Keep); // the worst is decided: the bulk skips it
        session.BulkK = 3;

        await session.PreviewBulkAsync();
        var expected = queue.Skip(1).Where(i => i.SuggestedLabel is not null).Take(3).Select(i => i.StudyIndex).ToList();
        Assert.Equal(expected, session.BulkPreview!.Select(c => c.StudyIndex));
        Assert.False(session.BulkApplied);
        Assert.Equal(1, session.Decided);

        await session.ApplyBulkAsync();
        Assert.True(session.BulkApplied);
        Assert.Equal(4, session.Decided);
        Assert.All(expected, i => Assert.Equal(ReviewDecisionKind.Accept, session.DecisionOf(queue.Single(q => q.StudyIndex == i))!.Kind));
        Assert.Equal(queue.Select((item, i) => (item, i)).First(p => session.DecisionOf(p.item) is null).i, session.Position);

        await session.UndoAsync();
        Assert.Equal(1, session.Decided);
        Assert.Null(session.BulkPreview);
        Assert.False(session.BulkApplied);
        Assert.Equal(expected[0], session.Current!.StudyIndex);
    }

    [Fact]
    public async Task Hotkeys_decide_pick_ranked_classes_and_move()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        var first = queue[0];

        Assert.False(await session.HandleKeyAsync("x"));
        Assert.Equal(0, session.Decided);

        Assert.True(await session.HandleKeyAsync("w"));
        Assert.Equal(first.SuggestedLabel, session.DecisionOf(first)!.Label);
        Assert.Equal(ReviewDecisionKind.Accept, session.DecisionOf(first)!.Kind);

        // A ranked class that is neither the given nor the suggested label is a relabel.
        var second = session.Current!;
        var rank = session.Ranked.Select((r, i) => (r.Label, i)).First(p => p.Label != second.GivenLabel && p.Label != second.SuggestedLabel).i;
        var label = session.Ranked[rank].Label;
        Assert.True(await session.HandleKeyAsync(((char)('1' + rank)).ToString()));
        Assert.Equal((ReviewDecisionKind.Relabel, (int?)label), (session.DecisionOf(second)!.Kind, session.DecisionOf(second)!.Label));

        Assert.True(await session.HandleKeyAsync("ArrowLeft"));
        Assert.Equal(second, session.Current);
        Assert.True(await session.HandleKeyAsync("z"));
        Assert.Null(session.DecisionOf(second));
        Assert.True(await session.HandleKeyAsync("ArrowRight"));
        Assert.Equal(queue[2], session.Current);
    }

    [Fact]
    public async Task Actions_started_together_run_one_at_a_time_and_decide_different_examples()
    {
        using var session = await OpenAsync(await UploadAsync());
        var queue = await QueueAsync(session);
        var (first, second) = (queue[0], queue[1]);

        await Task.WhenAll(session.HandleKeyAsync("q"), session.HandleKeyAsync("e"));

        Assert.Equal(ReviewDecisionKind.Keep, session.DecisionOf(first)!.Kind);
        Assert.Equal(ReviewDecisionKind.Exclude, session.DecisionOf(second)!.Kind);
        Assert.Equal(2, session.Position);
    }

    [Fact]
    public async Task A_new_session_resumes_at_the_first_undecided_example()
    {
        var upload = await UploadAsync();
        using (var before = await OpenAsync(upload))
        {
            await before.DecideAsync(ReviewDecisionKind.Keep);
            await before.DecideAsync(ReviewDecisionKind.Keep);
        }
        using var after = await OpenAsync(upload);
        Assert.Equal(2, after.Position);
        Assert.Equal(2, after.Decided);
    }

    [Fact]
    public async Task Text_uploads_show_the_current_text_and_fetch_the_next_one_ahead()
    {
        var texts = _data.WriteTextContent(_data.Examples);
        var upload = await UploadAsync(new UploadForm().Field("name", "texts").File("labels", _data.LabelsPath)
            .File("pred_probs", _data.PredProbsPath).File("content", texts));
        using var session = await OpenAsync(upload);
        var queue = await QueueAsync(session);

        Assert.Equal(UploadContentKind.Text, session.Content);
        Assert.Equal($"Example {session.Current!.StudyIndex}, with a comma and a \"quote\"", session.Text);
        Assert.True(session.HasText(session.Next!.StudyIndex));
        Assert.False(session.HasText(queue[2].StudyIndex));

        await session.DecideAsync(ReviewDecisionKind.Keep);
        Assert.Equal($"Example {session.Current!.StudyIndex}, with a comma and a \"quote\"", session.Text);
        Assert.True(session.HasText(queue[2].StudyIndex));
    }

    [Theory]
    [InlineData(null, "self_confidence (the probability of the given label)", true)]
    [InlineData("normalized_margin", "normalized_margin (", false)]
    [InlineData("confidence_weighted_entropy", "confidence_weighted_entropy (", true)]
    public async Task Why_flagged_names_the_score_the_upload_was_ranked_by(string? rankBy, string named, bool marginToo)
    {
        var form = new UploadForm().Field("name", "ranked").File("labels", _data.LabelsPath).File("pred_probs", _data.PredProbsPath);
        if (rankBy is not null)
            form.Field("rank_by", rankBy);
        using var session = await OpenAsync(await UploadAsync(form));
        var item = session.Current!;

        var why = session.WhyFlagged(item);

        Assert.StartsWith($"find_label_issues with filter_by=prune_by_noise_rate flagged it (issue rank {item.IssueRank + 1}); label quality by {named}", why);
        Assert.Contains(item.LabelQuality!.Value.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), why);
        Assert.Equal(marginToo, why.Contains(", normalized margin "));
        foreach (var other in new[] { "self_confidence", "normalized_margin (", "confidence_weighted_entropy" }.Where(o => !named.StartsWith(o, StringComparison.Ordinal)))
            Assert.DoesNotContain(other, why);
    }

    private async Task<UploadLookup> UploadAsync(UploadForm? form = null)
    {
        var (token, key) = await _site.UploadAsync(form ?? new UploadForm().Field("name", "review").File("labels", _data.LabelsPath).File("pred_probs", _data.PredProbsPath));
        var upload = await _site.Services.GetRequiredService<ReviewAccess>().WritableAsync(token, key);
        Assert.NotNull(upload);
        return upload;
    }

    // The whole queue from the service, a few items at a time, as the session's items (the same records).
    private Task<List<ReviewItem>> QueueAsync(ReviewSession session) =>
        ReviewQueueWalk.AllAsync(_site.Services.GetRequiredService<ReviewService>().Queue(session.Dataset.Id));

    private Task<ReviewSession> OpenAsync(UploadLookup upload) =>
        _site.Services.GetRequiredService<ReviewSessions>().OpenAsync(upload);

    private float[] Row(long index) => _data.PredProbs.Skip((int)index * _data.Classes).Take(_data.Classes).ToArray();

    // The queue's order from other code: the issues CSV lists the flagged examples by issue rank, with their label quality.
    private async Task<List<long>> IssuesWorstFirstAsync(ReviewSession session) =>
        (await _site.Client.GetStringAsync(UploadUrls.IssuesCsv(session.Dataset.Upload!.ShareToken)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select((line, rank) => (Fields: line.Split(','), Rank: rank))
            .Select(r => (Index: long.Parse(r.Fields[0], System.Globalization.CultureInfo.InvariantCulture),
                Quality: double.Parse(r.Fields[3], System.Globalization.CultureInfo.InvariantCulture), r.Rank))
            .OrderBy(r => r.Quality).ThenBy(r => r.Rank)
            .Select(r => r.Index).ToList();

    private async Task<string[]> DecisionLogAsync(ReviewSession session) =>
        (await _site.Client.GetStringAsync(ReviewUrls.DecisionLog(session.Dataset.Upload!.ShareToken)))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
}
