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

    public async Task<(HttpStatusCode Status, string Error, string Field)> PostRejectedAsync(UploadForm form)
    {
        var response = await client.PostAsync("/api/v1/uploads", form.Build());
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return (response.StatusCode, json.RootElement.GetProperty("error").GetString()!, json.RootElement.GetProperty("field").GetString()!);
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
