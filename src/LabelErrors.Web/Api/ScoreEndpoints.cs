using LabelErrors.Core.Scoring;
using LabelErrors.Core.Validation;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using LabelErrors.Web.Corrections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Api;

/// <summary>
/// Model scoring on a study test set: <c>GET …/scores</c> ranks the study's own cross-validated model;
/// <c>POST …/scores</c> (multipart, one .npy per model) adds yours. Nothing is stored.
/// </summary>
public static class ScoreEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/datasets/{dataset}/scores</c> group.</summary>
    public static RouteGroupBuilder MapScoreEndpoints(this RouteGroupBuilder scores)
    {
        scores.MapGet("", GetAsync)
            .WithName("GetStudyModelScore")
            .WithSummary("The study's cross-validated model scored on the original and the corrected labels");
        scores.MapPost("", PostAsync)
            .WithName("ScoreModels")
            .WithSummary("Score your models' predictions (.npy of predicted labels or pred_probs, study index order), ranked with the study's model")
            .Accepts<IFormFileCollection>("multipart/form-data");
        return scores;
    }

    private static async Task<Results<ETaggedJson<ApiScoreReport>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> GetAsync(
        string dataset, HttpContext context, CorrectedTestSets testSets, ScoreReports reports,
        string? min_agreement, string? multi_label, string? neither, string? non_agreement, CancellationToken cancellationToken)
    {
        _ = (min_agreement, multi_label, neither, non_agreement);
        var (request, testSet, problem) = await PrepareAsync(dataset, context, testSets, cancellationToken);
        switch (problem)
        {
            case ValidationProblem invalid: return invalid;
            case NotFoundProblem notFound: return notFound;
            case UnprocessableProblem unprocessable: return unprocessable;
        }
        var ranking = reports.Rank(testSet!, request!.Options, []);
        if (ranking.Count == 0)
            return ApiProblems.Unprocessable("No study model", $"The study released no predictions for {testSet!.Name}; POST your own.");
        return ETaggedResult.Json(context, ScoreReports.ToReport(testSet!.Slug, request.Options, ranking));
    }

    private static async Task<Results<Ok<ApiScoreReport>, ValidationProblem, NotFoundProblem, UnprocessableProblem, TooLargeProblem, BadRequestProblem>> PostAsync(
        string dataset, HttpContext context, CorrectedTestSets testSets, ScoreReports reports, IOptions<ApiOptions> options,
        string? min_agreement, string? multi_label, string? neither, string? non_agreement, CancellationToken cancellationToken)
    {
        _ = (min_agreement, multi_label, neither, non_agreement);
        var limits = options.Value;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxScoreRequestBytes;
        var (request, testSet, problem) = await PrepareAsync(dataset, context, testSets, cancellationToken);
        switch (problem)
        {
            case ValidationProblem invalid: return invalid;
            case NotFoundProblem notFound: return notFound;
            case UnprocessableProblem unprocessable: return unprocessable;
        }

        if (!context.Request.HasFormContentType)
            return ApiProblems.InvalidParameter("files", "send multipart/form-data with one .npy file per model");
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                return new TooLargeProblem("Request too large", e.Message, "files");
            return new BadRequestProblem("Request malformed", e.Message, "files");
        }
        if (form.Files.Count == 0)
            return ApiProblems.InvalidParameter("files", "no prediction file; attach one .npy per model (the file name names the model)");
        if (form.Files.Count > limits.MaxModelsPerScoreRequest)
            return ApiProblems.InvalidParameter("files", $"at most {limits.MaxModelsPerScoreRequest} models per request");

        var models = new List<(string, int[])>();
        foreach (var file in form.Files)
        {
            try
            {
                await using var stream = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                buffer.Position = 0;
                models.Add((ModelName(file), ModelPredictions.ReadNpy(buffer, file.FileName, testSet!.TestSetSize, testSet.ClassCount)));
            }
            catch (LabelErrorsInputException e)
            {
                return ApiProblems.Unprocessable("Predictions file not usable", e.Message, file.Name);
            }
        }
        var ranking = reports.Rank(testSet!, request!.Options, models);
        return TypedResults.Ok(ScoreReports.ToReport(testSet!.Slug, request.Options, ranking));
    }

    private static async Task<(CorrectionRequest?, StudyTestSet?, IResult?)> PrepareAsync(
        string dataset, HttpContext context, CorrectedTestSets testSets, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var request = CorrectionRequest.TryParse(key => key == CorrectionRequest.Keys.Format ? null : query[key].FirstOrDefault(), out var bad, out var reason);
        if (request is null)
            return (null, null, ApiProblems.InvalidParameter(bad!, reason!));
        var testSet = await testSets.LoadAsync(dataset, cancellationToken);
        if (testSet is null)
            return (null, null, ApiProblems.DatasetNotFound(dataset));
        if (!testSet.IsComplete)
            return (null, null, ApiProblems.Unprocessable("Test set not complete",
                $"{testSet.Name}: {testSet.Examples.Count:N0} of {testSet.TestSetSize:N0} test examples are imported; scoring needs the whole test set."));
        return (request, testSet, null);
    }

    private static string ModelName(IFormFile file)
    {
        var name = Path.GetFileNameWithoutExtension(file.FileName);
        return string.IsNullOrWhiteSpace(name) ? file.Name : name;
    }
}
