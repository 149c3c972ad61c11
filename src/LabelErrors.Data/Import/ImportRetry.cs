using LabelErrors.Data.Failures;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace LabelErrors.Data.Import;

/// <summary>
/// A dataset's import transaction is retried when the database drops away for a moment (a restart, a failover, a
/// network blip); a bug (an SQL error, a constraint violation) fails at once with its message.
/// </summary>
internal static class ImportRetry
{
    public static ResiliencePipeline Create(ILogger logger, string slug, TimeSpan firstDelay) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(DatabaseFailures.IsTransient),
                MaxRetryAttempts = 4,
                Delay = firstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    logger.LogWarning("Study import: {Slug}: the database failed ({Reason}); attempt {Attempt} in {Delay}",
                        slug, args.Outcome.Exception?.Message, args.AttemptNumber + 2, args.RetryDelay);
                    return default;
                },
            })
            .Build();
}
