namespace LabelErrors.Web.Review.MultiAnnotator;

public static class MultiAnnotatorReviewServiceCollectionExtensions
{
    /// <summary>The review, cleaned labels and charts of multi-annotator uploads.</summary>
    public static IServiceCollection AddMultiAnnotatorReview(this IServiceCollection services)
    {
        services.AddSingleton<ConsensusCleanedLabels>();
        services.AddSingleton<MultiAnnotatorReviewFacts>();
        services.AddSingleton<ConsensusCharts>();
        return services;
    }
}
