using SixLabors.ImageSharp;

namespace LabelErrors.Core.Imaging;

/// <summary>
/// The ImageSharp configuration for rendering. A server renders many small images at once, so one image is
/// processed on one thread: splitting a 256 px resize across cores only adds hand-offs.
/// </summary>
public static class RenderConfiguration
{
    public static Configuration Default { get; } = Create();

    private static Configuration Create()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        return configuration;
    }
}
