using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Api;

/// <summary>Every 4xx of <c>/api/v1</c>, uploads, review and votes included, is an RFC 9457 problem naming the field at fault.</summary>
[Collection(ApiSurfaceCollection.Name)]
public sealed class ApiProblemTests(ApiSurfaceSite fixture)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = TestSite.Json(body);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(problem.TryGetProperty("error", out _), "the old anonymous {error} member is only for clients that ask the old way");
        return problem;
    }

    [Fact]
    public async Task A_bad_upload_is_a_problem_naming_the_form_field()
    {
        var form = new UploadForm().File("labels", fixture.Data.LabelsPath).File("pred_probs", "pred_probs.npy", Encoding.ASCII.GetBytes("not an npy file"));

        var problem = await ProblemAsync(await fixture.Client.PostAsync("/api/v1/uploads", form.Build()), HttpStatusCode.BadRequest);

        Assert.Equal("pred_probs", problem.GetProperty("field").GetString());
        Assert.Contains("pred_probs", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_is_a_415_problem()
    {
        var response = await fixture.Client.PostAsync("/api/v1/uploads", new StringContent("labels=1", Encoding.UTF8, "text/plain"));
        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_bad_vote_is_a_problem_naming_the_answer()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browserId = "browser-problem-1", answer = "maybe" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("answer", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_vote_whose_body_is_not_json_is_a_problem_not_an_html_page()
    {
        var response = await fixture.Client.PostAsync("/api/v1/datasets/cifar10/examples/10/votes", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_vote_on_an_unknown_dataset_is_a_404_problem()
    {
        var response = await fixture.Client.PostAsJsonAsync("/api/v1/datasets/nope/examples/10/votes", new { browserId = "browser-problem-2", answer = "given" });
        var problem = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("dataset", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_uploads_wrong_owner_keys_and_missing_query_values_are_problems()
    {
        await ProblemAsync(await fixture.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/job"), HttpStatusCode.NotFound);
        await ProblemAsync(await fixture.Client.GetAsync("/api/v1/uploads/AAAAAAAAAAAAAAAAAAAAAA/issues.csv"), HttpStatusCode.NotFound);

        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/uploads/{fixture.Token}/decisions/undo") { Content = JsonContent.Create(new { }) };
        wrongKey.Headers.Add("X-Owner-Key", "not-the-key");
        var refused = await ProblemAsync(await fixture.Client.SendAsync(wrongKey), HttpStatusCode.Forbidden);
        Assert.Equal("X-Owner-Key", refused.GetProperty("field").GetString());

        // "worst" is required: the binding failure happens before the handler, and is still a problem.
        using var noWorst = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/uploads/{fixture.Token}/decisions/bulk-accept") { Content = JsonContent.Create(new { }) };
        noWorst.Headers.Add("X-Owner-Key", fixture.OwnerKey);
        var missing = await ProblemAsync(await fixture.Client.SendAsync(noWorst), HttpStatusCode.BadRequest);
        Assert.Contains("worst", missing.GetProperty("detail").GetString());

        var badFormat = await ProblemAsync(await fixture.Client.GetAsync($"/api/v1/uploads/{fixture.Token}/cleaned?format=xlsx"), HttpStatusCode.BadRequest);
        Assert.Equal("format", badFormat.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Dataset_endpoints_name_the_bad_parameter_too()
    {
        var problem = await ProblemAsync(await fixture.Client.GetAsync("/api/v1/datasets/cifar10/corrected?min_agreement=9"), HttpStatusCode.BadRequest);
        Assert.Equal("min_agreement", problem.GetProperty("field").GetString());
        await ProblemAsync(await fixture.Client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
    }
}
