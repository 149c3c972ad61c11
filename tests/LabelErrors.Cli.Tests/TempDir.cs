namespace LabelErrors.Cli.Tests;

internal sealed class TempDir : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("labelerrors-cli-");

    public string File(string name, string? content = null)
    {
        var path = Path.Combine(_dir.FullName, name);
        if (content is not null)
            System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
