using System.Globalization;
using System.Text.RegularExpressions;

namespace LabelErrors.Core.Study;

/// <summary>
/// An AudioSet clip: a YouTube video id and the window (usually 10 s) the labels describe. The study links it as
/// <c>http://youtu.be/&lt;id&gt;?start=30&amp;end=40</c>; the importer stores id and window, the site links and embeds it.
/// </summary>
public sealed partial record YouTubeClip(string VideoId, int StartSeconds, int EndSeconds)
{
    /// <summary>The study's own link form.</summary>
    public string Url => $"http://youtu.be/{VideoId}?start={StartSeconds}&end={EndSeconds}";

    public string EmbedUrl => $"https://www.youtube-nocookie.com/embed/{VideoId}?start={StartSeconds}&end={EndSeconds}";

    public string WatchUrl => $"https://www.youtube.com/watch?v={VideoId}&t={StartSeconds}s";

    /// <summary>Reads a link in the study's exact form (the importer refuses anything else).</summary>
    /// <exception cref="FormatException">The link is not in the study's form.</exception>
    public static YouTubeClip Parse(string link)
    {
        var match = StudyLinkPattern().Match(link);
        if (!match.Success)
            throw new FormatException($"not a youtu.be clip link: {link}");
        return new YouTubeClip(
            match.Groups["id"].Value,
            int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The clip of an example: its YouTube id and window as imported (10 s from the start when no end is known).</summary>
    public static YouTubeClip? From(string? videoId, int? start, int? end)
    {
        var clip = TryParse(videoId);
        if (clip is null)
            return null;
        var from = start ?? clip.StartSeconds;
        return clip with { StartSeconds = from, EndSeconds = end ?? (start is null ? clip.EndSeconds : from + 10) };
    }

    /// <summary>Leniently reads "http://youtu.be/ID?start=30&amp;end=40", a youtube.com watch link or a bare id; null otherwise.</summary>
    public static YouTubeClip? TryParse(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        var match = AnyReferencePattern().Match(reference.Trim());
        if (!match.Success)
            return null;
        var start = match.Groups["start"].Success ? int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture) : 0;
        var end = match.Groups["end"].Success ? int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture) : start + 10;
        return new YouTubeClip(match.Groups["id"].Value, start, end);
    }

    [GeneratedRegex(@"^https?://youtu\.be/(?<id>[A-Za-z0-9_-]+)\?start=(?<start>\d+)&end=(?<end>\d+)$")]
    private static partial Regex StudyLinkPattern();

    [GeneratedRegex(@"^(?:https?://(?:www\.)?(?:youtu\.be/|youtube\.com/watch\?v=))?(?<id>[A-Za-z0-9_-]{6,20})(?:[?&]start=(?<start>\d+))?(?:&end=(?<end>\d+))?")]
    private static partial Regex AnyReferencePattern();
}
