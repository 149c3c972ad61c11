using LabelErrors.Data.Failures;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// The one resilience pipeline of the analysis jobs: every database step (claim, read, save, record a failure) runs
/// through it. It retries transient failures only (<see cref="DatabaseFailures.IsTransient"/>); a bug goes straight
/// through, so the job fails at once with the server's message.
/// </summary>
internal static class JobRetryPipeline
{
    public const string Key = "jobs-database";

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobRetryOptions>().Bind(configuration.GetSection(JobRetryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddResilienceEnricher();
        services.AddResiliencePipeline(Key, (builder, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<JobRetryOptions>>().Value;
            if (options.MaxRetries == 0)
                return;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JobRetryPipeline).FullName!);
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFailures.IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                OnRetry = args =>
                {
                    logger.LogWarning("Database unreachable while {Step} ({Reason}); retry {Retry} of {MaxRetries} in {Delay}",
                        args.Context.OperationKey, args.Outcome.Exception?.Message, args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay);
                    return default;
                },
            });
        });
    }
}
