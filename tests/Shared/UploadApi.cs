using System.Net;
using System.Text.Json;

namespace LabelErrors.Tests.Shared;

/// <summary>Talks to the upload API like a script: post, follow the job until it finishes, download results.</summary>
public sealed class UploadApi(HttpClient client)
{
    public async Task<JsonElement> PostAcceptedAsync(UploadForm form)
    {
        var response = await client.PostAsync("/api/v1/uploads", form.Build());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Posts an upload that must be refused: its problem's status, detail and <c>field</c> member ("" when none).</summary>
    public async Task<(HttpStatusCode Status, string Error, string Field)> PostRejectedAsync(UploadForm form)
    {
        var response = await client.PostAsync("/api/v1/uploads", form.Build());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"expected a problem, got {response.Content.Headers.ContentType}: {body}");
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal((int)response.StatusCode, root.GetProperty("status").GetInt32());
        return (response.StatusCode, root.GetProperty("detail").GetString()!, root.TryGetProperty("field", out var field) ? field.GetString()! : "");
    }

    public async Task<JsonElement> JobAsync(string jobUrl)
    {
        var body = await client.GetStringAsync(jobUrl);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls the job's URL until it is finished; returns the last status.</summary>
    public async Task<JsonElement> WaitAsync(string jobUrl, TimeSpan? timeout = null, Func<JsonElement, bool>? until = null)
    {
        until ??= job => job.GetProperty("state").GetString() is "succeeded" or "failed" or "cancelled";
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await JobAsync(jobUrl);
            if (until(job))
                return job;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"job still {job}");
            await Task.Delay(100);
        }
    }
}
