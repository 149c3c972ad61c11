using LabelErrors.Web.Review.MultiAnnotator;
using LabelErrors.Web.Review.Visitors;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LabelErrors.Web.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>Review decisions, cleaned-label exports, visitors' votes (their per-client rate limit is the API's, see PerClientRateLimits).</summary>
    public static IServiceCollection AddLabelErrorsReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ReviewAccess>();
        services.AddSingleton<CleanedLabels>();
        services.AddSingleton<DecisionLog>();
        services.AddSingleton<PredictedClasses>();
        services.AddSingleton<VisitorVoteService>();
        services.AddMultiAnnotatorReview();
        services.AddSingleton<MultiLabel.MultiLabelReviewService>();
        services.AddSingleton<MultiLabel.MultiLabelDecisionLog>();
        services.AddSingleton<MultiLabel.MultiLabelReviewSessions>();

        return services;
    }
}
