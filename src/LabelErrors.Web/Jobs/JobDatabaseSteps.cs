using LabelErrors.Data.Failures;
using Polly;
using Polly.Registry;

namespace LabelErrors.Web.Jobs;

/// <summary>
/// Runs a job's database step through <see cref="JobRetryPipeline"/> under a name ("saving the results"), so that a
/// step that fails for good surfaces as a <see cref="JobStepFailedException"/> naming it.
/// </summary>
public sealed class JobDatabaseSteps(ResiliencePipelineProvider<string> pipelines)
{
    private readonly ResiliencePipeline _pipeline = pipelines.GetPipeline(JobRetryPipeline.Key);

    public async Task<T> RunAsync<T>(string step, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(step, cancellationToken);
        try
        {
            return await _pipeline.ExecuteAsync(static async (context, action) => await action(context.CancellationToken), context, action);
        }
        catch (Exception e) when (DatabaseFailures.Classify(e) != DatabaseFailure.None)
        {
            throw new JobStepFailedException(step, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
