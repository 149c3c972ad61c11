using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Images;

/// <summary>
/// The optional last link of the content chain: fetches an example's content once from the study's own site (the
/// URL its mTurk row carries). Only the configured host, a timeout, a size cap and a content-type check; a fetched
/// file is kept in the disk cache; a failure is remembered so the same URL is not hammered.
/// </summary>
public sealed class RemoteContentFetcher
{
    private readonly ContentOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<RemoteContentFetcher> _logger;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _memory = new(StringComparer.Ordinal);

    public RemoteContentFetcher(IOptions<ContentOptions> options, ILogger<RemoteContentFetcher> logger, TimeProvider clock)
    {
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        // No redirects: a redirect could lead to another host.
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(_options.RemoteTimeoutSeconds),
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("LabelErrors", ImageUrls.Version));
    }

    public bool Enabled => _options.RemoteFallback;

    /// <summary>The content at <paramref name="url"/> if its type starts with <paramref name="contentTypePrefix"/> ("image/", "text/"), else null.</summary>
    public Task<byte[]?> TryFetchAsync(string? url, string contentTypePrefix, CancellationToken cancellationToken)
    {
        if (!Enabled || !IsAllowed(url, out var uri))
            return Task.FromResult<byte[]?>(null);
        var key = uri.AbsoluteUri;
        if (_memory.TryGetValue(key, out var kept))
            return Task.FromResult<byte[]?>(kept);
        if (_failedUntil.TryGetValue(key, out var until) && until > _clock.GetUtcNow())
            return Task.FromResult<byte[]?>(null);
        var lazy = _inFlight.GetOrAdd(key, _ => new Lazy<Task<byte[]?>>(() => FetchOnceAsync(uri, contentTypePrefix)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Only http(s) URLs on exactly the configured host (and port, when it names one).</summary>
    public bool IsAllowed(string? url, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(parsed.UserInfo))
            return false;
        var allowed = _options.RemoteHost.Trim();
        var matches = allowed.Contains(':')
            ? string.Equals($"{parsed.Host}:{parsed.Port}", allowed, StringComparison.OrdinalIgnoreCase)
            : string.Equals(parsed.Host, allowed, StringComparison.OrdinalIgnoreCase);
        uri = parsed;
        return matches;
    }

    private async Task<byte[]?> FetchOnceAsync(Uri uri, string contentTypePrefix)
    {
        var key = uri.AbsoluteUri;
        try
        {
            if (ReadDisk(key) is { } cached)
                return Keep(key, cached);

            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
                return Fail(key, $"HTTP {(int)response.StatusCode}");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.StartsWith(contentTypePrefix, StringComparison.OrdinalIgnoreCase))
                return Fail(key, $"content type '{type}' is not {contentTypePrefix}*");
            if (response.Content.Headers.ContentLength > _options.RemoteMaxBytes)
                return Fail(key, $"{response.Content.Headers.ContentLength:N0} bytes is over the {_options.RemoteMaxBytes:N0}-byte cap");

            await using var body = await response.Content.ReadAsStreamAsync();
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > _options.RemoteMaxBytes)
                    return Fail(key, $"the body is over the {_options.RemoteMaxBytes:N0}-byte cap");
            }
            var bytes = buffer.ToArray();
            WriteDisk(key, bytes);
            return Keep(key, bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return Fail(key, ex is TaskCanceledException ? $"no answer within {_options.RemoteTimeoutSeconds} s" : ex.Message);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private byte[] Keep(string key, byte[] bytes)
    {
        // Without a disk cache the fetched files stay in memory; they are few (the study's checked examples).
        if (DiskPath(key) is null)
            _memory[key] = bytes;
        return bytes;
    }

    private byte[]? Fail(string key, string reason)
    {
        _failedUntil[key] = _clock.GetUtcNow().AddMinutes(_options.RemoteRetryAfterMinutes);
        _logger.LogWarning("Remote content {Url} not fetched ({Reason}); not retried for {Minutes} min", key, reason, _options.RemoteRetryAfterMinutes);
        return null;
    }

    private string? DiskPath(string key) =>
        string.IsNullOrWhiteSpace(_options.CacheDir)
            ? null
            : Path.Combine(Path.GetFullPath(_options.CacheDir), "remote", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant());

    private byte[]? ReadDisk(string key) => DiskPath(key) is { } path && File.Exists(path) ? File.ReadAllBytes(path) : null;

    private void WriteDisk(string key, byte[] bytes)
    {
        if (DiskPath(key) is not { } path)
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
