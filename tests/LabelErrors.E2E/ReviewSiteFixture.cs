namespace LabelErrors.E2E;

/// <summary>
/// The hand-made study (for visitor votes) on a site of its own, so the review and vote tests' uploads and votes never
/// change the counts the browse tests expect.
/// </summary>
public sealed class ReviewSiteFixture : StudySiteFixture;

[CollectionDefinition(Name)]
public sealed class ReviewSiteCollection : ICollectionFixture<ReviewSiteFixture>
{
    public const string Name = "review-site";
}
