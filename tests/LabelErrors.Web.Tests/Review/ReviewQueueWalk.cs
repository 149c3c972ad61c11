using LabelErrors.Web.Review;

namespace LabelErrors.Web.Tests.Review;

/// <summary>A whole review queue, read by keyset a few items at a time (tests compare it with their own order).</summary>
internal static class ReviewQueueWalk
{
    public static async Task<List<TItem>> AllAsync<TItem>(IReviewQueue<TItem> queue, int take = 5)
        where TItem : class, IQueuedExample
    {
        var all = new List<TItem>();
        while (true)
        {
            var items = await queue.AfterAsync(all.Count > 0 ? all[^1] : null, take, CancellationToken.None);
            all.AddRange(items);
            if (items.Count < take)
                return all;
        }
    }

    /// <summary>The same queue read backwards from its end, a few items at a time (returned in queue order).</summary>
    public static async Task<List<TItem>> AllBackwardsAsync<TItem>(IReviewQueue<TItem> queue, int take = 5)
        where TItem : class, IQueuedExample
    {
        var all = new List<TItem>();
        while (true)
        {
            var items = await queue.BeforeAsync(all.Count > 0 ? all[0] : null, take, CancellationToken.None);
            all.InsertRange(0, items);
            if (items.Count < take)
                return all;
        }
    }
}
