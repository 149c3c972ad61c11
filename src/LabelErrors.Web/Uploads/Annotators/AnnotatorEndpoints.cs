using LabelErrors.Data.Entities;
using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>
/// The multi-annotator results of an upload, on the <c>/api/v1/uploads</c> group: the annotator statistics and the
/// consensus labels as JSON (camelCase) and as the CLI's CSV files.
/// </summary>
public static class AnnotatorEndpoints
{
    public const int MaxConsensusLimit = 1000;

    public static RouteGroupBuilder MapAnnotatorEndpoints(this RouteGroupBuilder uploads)
    {
        uploads.MapGet("/{token}/annotators", AnnotatorsAsync).WithName("GetUploadAnnotators")
            .WithSummary("Multi-annotator uploads: each annotator's quality, agreement with consensus, worst class and examples labelled, worst first");
        uploads.MapGet("/{token}/consensus", ConsensusAsync).WithName("GetUploadConsensus")
            .WithSummary("Multi-annotator uploads: consensus label, its quality, annotator agreement and number of annotations per example, in index order (offset, limit ≤ 1000)");
        uploads.MapGet("/{token}/annotators.csv", AnnotatorsCsvAsync).WithName("GetUploadAnnotatorsCsv")
            .WithSummary("annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled (the CLI's --annotator-stats)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.MediaType);
        uploads.MapGet("/{token}/consensus.csv", ConsensusCsvAsync).WithName("GetUploadConsensusCsv")
            .WithSummary("index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations (the CLI's multiannotator --out)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.MediaType)
            .Produces<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.MediaType);
        uploads.MapGet("/{token}/consensus-distribution", DistributionAsync).WithName("GetUploadConsensusDistribution")
            .WithSummary("Multi-annotator uploads: examples per 0.1 bucket of consensus quality and of annotator agreement, unanimous, flagged (the results page's charts)");
        return uploads;
    }

    private static async Task<Results<Ok<ApiConsensusDistribution>, NotFoundProblem, ConflictProblem>> DistributionAsync(
        string token, UploadQueries uploads, Review.MultiAnnotator.ConsensusCharts charts, CancellationToken cancellationToken)
    {
        var (upload, notFound, conflict) = await FindAsync(token, uploads, cancellationToken);
        if (upload is null)
            return notFound is not null ? notFound : conflict!;
        var d = await charts.DistributionAsync(upload.Dataset.Id, cancellationToken);
        return TypedResults.Ok(new ApiConsensusDistribution(d.Buckets, d.ConsensusQuality, d.AnnotatorAgreement, d.Unanimous, d.Examples, d.Flagged));
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiAnnotatorStats>>, NotFoundProblem, ConflictProblem>> AnnotatorsAsync(
        string token, UploadQueries uploads, AnnotatorQueries annotators, CancellationToken cancellationToken)
    {
        var (upload, notFound, conflict) = await FindAsync(token, uploads, cancellationToken);
        if (upload is null)
            return notFound is not null ? notFound : conflict!;
        var classes = upload.Dataset.Classes;
        var rows = await annotators.AnnotatorsAsync(upload.Dataset.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiAnnotatorStats>>(rows.Select(a => new ApiAnnotatorStats(
            a.Name, a.AnnotatorQuality, a.AgreementWithConsensus, a.WorstClass,
            a.WorstClass < classes.Count ? classes[a.WorstClass].Name : a.WorstClass.ToString(System.Globalization.CultureInfo.InvariantCulture),
            a.NumExamplesLabeled)).ToList());
    }

    private static async Task<Results<Ok<ApiConsensusPage>, NotFoundProblem, ConflictProblem, BadRequestProblem>> ConsensusAsync(
        string token, UploadQueries uploads, AnnotatorQueries annotators, CancellationToken cancellationToken, int offset = 0, int limit = 100)
    {
        if (offset < 0)
            return new BadRequestProblem("Invalid offset", "offset must be ≥ 0", "offset");
        if (limit is < 1 or > MaxConsensusLimit)
            return new BadRequestProblem("Invalid limit", $"limit must be between 1 and {MaxConsensusLimit}", "limit");
        var (upload, notFound, conflict) = await FindAsync(token, uploads, cancellationToken);
        if (upload is null)
            return notFound is not null ? notFound : conflict!;
        var (rows, total) = await annotators.ConsensusAsync(upload.Dataset.Id, offset, limit, cancellationToken);
        return TypedResults.Ok(new ApiConsensusPage(
            rows.Select(r => new ApiConsensusLabel(r.Index, r.ConsensusLabel, r.ConsensusQualityScore, r.AnnotatorAgreement, r.NumAnnotations)).ToList(),
            total, offset, limit));
    }

    private static Task AnnotatorsCsvAsync(string token, HttpContext context, UploadQueries uploads, AnnotatorQueries annotators, CancellationToken cancellationToken) =>
        WriteCsvAsync(token, context, uploads, "annotators", (id, writer) => annotators.WriteAnnotatorStatsCsvAsync(id, writer, cancellationToken), cancellationToken);

    private static Task ConsensusCsvAsync(string token, HttpContext context, UploadQueries uploads, AnnotatorQueries annotators, CancellationToken cancellationToken) =>
        WriteCsvAsync(token, context, uploads, "consensus", (id, writer) => annotators.WriteConsensusCsvAsync(id, writer, cancellationToken), cancellationToken);

    // The CSV endpoints stream their body, so they write their problems themselves (before anything else).
    private static async Task WriteCsvAsync(string token, HttpContext context, UploadQueries uploads, string name,
        Func<int, TextWriter, Task> write, CancellationToken cancellationToken)
    {
        var (upload, notFound, conflict) = await FindAsync(token, uploads, cancellationToken);
        if (upload is null)
        {
            await (notFound is not null ? notFound.ExecuteAsync(context) : conflict!.ExecuteAsync(context));
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{upload.Dataset.Slug}-{name}.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, new System.Text.UTF8Encoding(false));
        await write(upload.Dataset.Id, writer);
    }

    /// <summary>The upload when it is a multi-annotator upload whose analysis succeeded; else the problem to answer.</summary>
    private static async Task<(UploadLookup? Upload, NotFoundProblem? NotFound, ConflictProblem? Conflict)> FindAsync(
        string token, UploadQueries uploads, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync(token, cancellationToken);
        if (upload is null)
            return (null, ApiProblems.UploadNotFound(), null);
        if (upload.Dataset.Upload is not { Task: UploadTask.MultiAnnotator })
            return (null, ApiProblems.UploadNotFound("this upload has no annotators (its task is not multi-annotator)"), null);
        if (upload.Job?.State != AnalysisJobState.Succeeded)
            return (null, null, ApiProblems.Conflict("Analysis not finished",
                $"the analysis is {upload.Job?.State.ToString().ToLowerInvariant() ?? "missing"}; results exist once it succeeded"));
        return (upload, null, null);
    }
}
