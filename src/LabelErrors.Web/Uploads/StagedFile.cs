namespace LabelErrors.Web.Uploads;

/// <summary>One uploaded file written to the staging folder: its field, the name the user gave it, where it is.</summary>
public sealed record StagedFile(string Field, string FileName, string Path, long Length)
{
    public string Extension => System.IO.Path.GetExtension(FileName).ToLowerInvariant();
}
