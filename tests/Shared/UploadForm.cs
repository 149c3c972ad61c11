using System.Net.Http.Headers;

namespace LabelErrors.Tests.Shared;

/// <summary>A multipart upload as a script would send it (curl -F …), built from files or in-memory bytes.</summary>
public sealed class UploadForm
{
    private readonly List<(string Field, string FileName, byte[] Bytes)> _files = [];
    private readonly Dictionary<string, string> _fields = new() { ["name"] = "test upload" };

    public UploadForm File(string field, string path) => File(field, Path.GetFileName(path), System.IO.File.ReadAllBytes(path));

    public UploadForm File(string field, string fileName, byte[] bytes)
    {
        _files.RemoveAll(f => f.Field == field);
        _files.Add((field, fileName, bytes));
        return this;
    }

    public UploadForm Field(string name, string value)
    {
        _fields[name] = value;
        return this;
    }

    public MultipartFormDataContent Build()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in _fields)
            content.Add(new StringContent(value), name);
        foreach (var (field, fileName, bytes) in _files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }
        return content;
    }
}
