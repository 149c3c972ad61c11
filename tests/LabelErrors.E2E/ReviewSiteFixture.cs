namespace LabelErrors.E2E;

/// <summary>
/// The hand-made study (for visitor votes) on a site of its own, so the review and vote tests' uploads and votes never
/// change the counts the browse tests expect. The review reads its queue 3 examples at a time here, so the review
/// tests' keys cross the queue's windows.
/// </summary>
public sealed class ReviewSiteFixture : StudySiteFixture
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Review:QueueWindow"] = "3" };
}

[CollectionDefinition(Name)]
public sealed class ReviewSiteCollection : ICollectionFixture<ReviewSiteFixture>
{
    public const string Name = "review-site";
}
