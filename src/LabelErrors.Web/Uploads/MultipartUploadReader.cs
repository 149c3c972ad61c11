using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LabelErrors.Web.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload section by section, streaming each file straight to the staging folder
/// (never the whole body in memory), with the per-file limits of <see cref="UploadStorage"/>.
/// </summary>
public static class MultipartUploadReader
{
    private const int MaxTextFieldBytes = 16 * 1024;

    public static async Task<(Dictionary<string, StagedFile> Files, UploadRequest Request)> ReadAsync(
        HttpRequest request, UploadStorage storage, string stagingFolder, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
            throw new UploadRejectedException("", "send the files as multipart/form-data", StatusCodes.Status415UnsupportedMediaType);

        var files = new Dictionary<string, StagedFile>();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // IsFormDisposition() means "a form field that is not a file": check the disposition type itself.
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                if (!UploadField.Files.Contains(name))
                    throw new UploadRejectedException(name, $"unexpected file field '{name}'; expected {string.Join(", ", UploadField.Files)}");
                if (files.ContainsKey(name))
                    throw new UploadRejectedException(name, $"{name}: sent twice");
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                files[name] = await storage.StageAsync(stagingFolder, name, fileName, section.Body, cancellationToken);
            }
            else
                fields[name] = await ReadTextAsync(section, name, cancellationToken);
        }

        return (files, new UploadRequest
        {
            Name = fields.GetValueOrDefault(UploadField.Name) ?? "",
            Description = fields.GetValueOrDefault(UploadField.Description) ?? "",
            FilterBy = fields.GetValueOrDefault(UploadField.FilterBy),
            RankBy = fields.GetValueOrDefault(UploadField.RankBy),
            FracNoise = fields.GetValueOrDefault(UploadField.FracNoise),
            MinExamplesPerClass = fields.GetValueOrDefault(UploadField.MinExamplesPerClass),
            Task = fields.GetValueOrDefault(UploadTasks.Field),
            ConsensusMethod = fields.GetValueOrDefault(Annotators.AnnotatorUploadOptions.ConsensusMethodField),
            Listed = fields.GetValueOrDefault(UploadField.Listed) is { } listed && (listed.Equals("true", StringComparison.OrdinalIgnoreCase) || listed == "1" || listed.Equals("on", StringComparison.OrdinalIgnoreCase)),
        });
    }

    private static async Task<string> ReadTextAsync(MultipartSection section, string name, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxTextFieldBytes + 1];
        var total = 0;
        int read;
        while ((read = await section.Body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxTextFieldBytes)
                throw new UploadRejectedException(name, $"{name}: longer than {MaxTextFieldBytes} bytes");
        }
        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
