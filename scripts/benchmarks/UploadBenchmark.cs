#:project ../../src/LabelErrors.Core/LabelErrors.Core.csproj
// Upload benchmark: writes an N×K float32 pred_probs (and labels) once, uploads them to a running app over HTTP,
// and measures (1) the POST (transfer on loopback + full validation, until the 202) and (2) from the 202 until the
// job succeeded, i.e. the example rows are committed and the results page is browsable.
// Usage: dotnet run scripts/benchmarks/UploadBenchmark.cs -- <base url> <data folder> [examples] [classes] [dtype]
// With a dtype (float16, float32) the files come from scripts/generate-upload-npy.py (streamed, any size).
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using LabelErrors.Core.Formats;

var baseUrl = args[0].TrimEnd('/');
var folder = args[1];
var n = args.Length > 2 ? int.Parse(args[2]) : 1_000_000;
var k = args.Length > 3 ? int.Parse(args[3]) : 100;
Directory.CreateDirectory(folder);
var labelsPath = Path.Combine(folder, $"labels_{n}.npy");
var dtype = args.Length > 4 ? args[4] : null;
var probsPath = Path.Combine(folder, dtype is null ? $"pred_probs_{n}x{k}.npy" : $"pred_probs_{n}x{k}_{dtype}.npy");
if (dtype is not null && !File.Exists(probsPath))
    throw new FileNotFoundException($"run scripts/generate-upload-npy.py {n} {k} {dtype} {folder} first", probsPath);
if (!File.Exists(probsPath))
{
    Console.WriteLine($"writing {n}×{k} float32 pred_probs to {folder}");
    var random = new Random(42);
    var labels = new long[n];
    var probs = new float[(long)n * k];
    for (var i = 0; i < n; i++)
    {
        var truth = i % k;
        double sum = 0;
        for (var c = 0; c < k; c++)
        {
            var v = random.NextDouble() * 0.2 + (c == truth ? 1 + random.NextDouble() * 8 : 0);
            probs[(long)i * k + c] = (float)v;
            sum += v;
        }
        for (var c = 0; c < k; c++)
            probs[(long)i * k + c] = (float)(probs[(long)i * k + c] / sum);
        labels[i] = random.NextDouble() < 0.05 ? (truth + 1 + random.Next(k - 1)) % k : truth;
    }
    Npy.Write(labelsPath, labels, n);
    Npy.Write(probsPath, probs, n, k);
}

using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10) };
using var form = new MultipartFormDataContent();
form.Add(new StringContent("benchmark"), "name");
var labelsPart = new StreamContent(File.OpenRead(labelsPath));
labelsPart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
form.Add(labelsPart, "labels", "labels.npy");
var probsPart = new StreamContent(File.OpenRead(probsPath), 1 << 20);
probsPart.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
form.Add(probsPart, "pred_probs", "pred_probs.npy");

var clock = Stopwatch.StartNew();
var response = await client.PostAsync("/api/v1/uploads", form);
var body = await response.Content.ReadAsStringAsync();
var posted = clock.Elapsed;
if ((int)response.StatusCode != 202)
    throw new InvalidOperationException($"upload refused: {(int)response.StatusCode} {body}");
using var accepted = JsonDocument.Parse(body);
var jobUrl = (accepted.RootElement.TryGetProperty("jobUrl", out var url) ? url : accepted.RootElement.GetProperty("job_url")).GetString()!;
var token = accepted.RootElement.GetProperty("token").GetString()!;

var afterAccept = Stopwatch.StartNew();
string state;
string lastStage = "";
while (true)
{
    using var job = JsonDocument.Parse(await client.GetStringAsync(jobUrl));
    state = job.RootElement.GetProperty("state").GetString()!;
    var stage = job.RootElement.GetProperty("stage").GetString()!;
    if (stage != lastStage)
        Console.WriteLine($"  {afterAccept.Elapsed.TotalSeconds,6:0.00}s  {stage}");
    lastStage = stage;
    if (state is "succeeded" or "failed" or "cancelled")
    {
        if (state != "succeeded")
            Console.WriteLine(job.RootElement.GetProperty("error").GetString());
        break;
    }
    await Task.Delay(50);
}
var jobTime = afterAccept.Elapsed;
var pageClock = Stopwatch.StartNew();
var page = await client.GetAsync($"/u/{token}");
await page.Content.ReadAsStringAsync();
var pageTime = pageClock.Elapsed;
var issues = await client.GetStringAsync($"/api/v1/uploads/{token}/issues.csv");

Console.WriteLine($"examples {n}, classes {k}, file {new FileInfo(probsPath).Length / (1 << 20)} MiB");
Console.WriteLine($"POST until 202 (loopback transfer + validation): {posted.TotalSeconds:0.00} s");
Console.WriteLine($"202 until job {state} (results browsable):       {jobTime.TotalSeconds:0.00} s");
Console.WriteLine($"first results page /u/{{token}} served in:  {pageTime.TotalSeconds:0.00} s");
Console.WriteLine($"202 until the first results page is served:   {(jobTime + pageTime).TotalSeconds:0.00} s");
Console.WriteLine($"end of upload to browsable (upper bound, includes transfer): {(posted + jobTime + pageTime).TotalSeconds:0.00} s");
Console.WriteLine($"/u/{{token}} {(int)page.StatusCode}; issues.csv lines {issues.Count(c => c == '\n') - 1}");
