using System.Net;
using System.Net.Http.Json;
using LabelErrors.Tests.Shared;

namespace LabelErrors.Web.Tests.Review;

/// <summary>The upload owner's review calls (the owner key in <c>X-Owner-Key</c>), on a <see cref="TestSite"/>.</summary>
public static class ReviewRequests
{
    public static async Task<HttpResponseMessage> PostAsOwnerAsync(this TestSite site, string url, string ownerKey, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-Owner-Key", ownerKey);
        return await site.Client.SendAsync(request);
    }

    public static async Task DecideAsync(this TestSite site, string token, string ownerKey, long index, string decision, int? label = null, string? note = null)
    {
        var response = await site.PostAsOwnerAsync($"/api/v1/uploads/{token}/decisions", ownerKey, new { index, decision, label, note });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// The flagged examples from the issues CSV, worst label quality first (a stable sort, so ties keep the CSV's
    /// issue-rank order): (index, given, suggested).
    /// </summary>
    public static async Task<List<(int Index, int Given, int Suggested)>> IssuesWorstFirstAsync(this TestSite site, string token)
    {
        var csv = await site.Client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");
        return csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Index: int.Parse(f[0]), Given: int.Parse(f[1]), Suggested: int.Parse(f[2]), Quality: double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Quality)
            .Select(r => (r.Index, r.Given, r.Suggested))
            .ToList();
    }
}
