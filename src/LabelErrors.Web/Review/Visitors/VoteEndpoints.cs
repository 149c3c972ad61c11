using LabelErrors.Data.Entities;
using LabelErrors.Web.Api;
using LabelErrors.Web.Api.Contracts;
using LabelErrors.Web.Api.Problems;
using LabelErrors.Web.Browse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LabelErrors.Web.Review.Visitors;

/// <summary>Site visitors' votes and reports on the study's examples (rate limited per client).</summary>
public static class VoteEndpoints
{
    /// <summary>Maps onto the <c>/api/v1/datasets/{dataset}/examples/{index}</c> votes group.</summary>
    public static RouteGroupBuilder MapVoteEndpoints(this RouteGroupBuilder votes)
    {
        votes.MapPost("/votes", VoteAsync).WithName("Vote")
            .WithSummary("Answer the example's question as the Mechanical Turk workers did (once per browser; a new vote replaces the old)");
        votes.MapPost("/reports", ReportAsync).WithName("ReportCorrection")
            .WithSummary("Report that the study's correction of the example is wrong");
        return votes;
    }

    private static async Task<Results<Ok<ApiVoteOutcome>, BadRequestProblem, NotFoundProblem>> VoteAsync(
        string dataset, long index, ApiVoteRequest body, DatasetLookup datasets, VisitorVoteService votes, CancellationToken cancellationToken)
    {
        if (await datasets.FindAsync(dataset, cancellationToken) is not { } found)
            return ApiProblems.DatasetNotFound(dataset);
        // An AudioSet client may send only the labels: that is the "heard_labels" answer.
        var answer = body.Answer is null && body.Labels is not null ? VisitorAnswer.HeardLabels : VisitorAnswers.TryParse(body.Answer);
        if (answer is null)
            return ApiProblems.BadRequest("answer is given, guessed, both, neither, neutral, off_topic, positive, negative or heard_labels (with labels)", "answer");
        var outcome = await votes.VoteAsync(found, index, body.Browser, new VisitorBallot(answer.Value, body.Labels), cancellationToken);
        if (outcome.Tally is not { } tally)
            return ApiProblems.BadRequest(outcome.Error ?? "the vote was not counted", null);
        return TypedResults.Ok(new ApiVoteOutcome(VisitorAnswers.Name(answer.Value), ApiVisitorVotes.From(tally), tally.IsDisputed));
    }

    private static async Task<Results<Ok<ApiReported>, BadRequestProblem, NotFoundProblem>> ReportAsync(
        string dataset, long index, ApiReportRequest body, DatasetLookup datasets, VisitorVoteService votes, CancellationToken cancellationToken)
    {
        if (await datasets.FindAsync(dataset, cancellationToken) is not { } found)
            return ApiProblems.DatasetNotFound(dataset);
        var error = await votes.ReportAsync(found, index, body.Browser, body.Note ?? "", cancellationToken);
        return error is null ? TypedResults.Ok(new ApiReported(true)) : ApiProblems.BadRequest(error, null);
    }
}
