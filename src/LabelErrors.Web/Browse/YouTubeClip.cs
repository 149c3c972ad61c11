using System.Globalization;
using System.Text.RegularExpressions;

namespace LabelErrors.Web.Browse;

/// <summary>An AudioSet clip: a YouTube video id and the 10-second window the labels describe.</summary>
public sealed partial record YouTubeClip(string VideoId, int Start, int End)
{
    public string EmbedUrl => $"https://www.youtube-nocookie.com/embed/{VideoId}?start={Start}&end={End}";
    public string WatchUrl => $"https://www.youtube.com/watch?v={VideoId}&t={Start}s";

    /// <summary>The clip of an AudioSet example: its YouTube id and window as imported (10 s from the start when no end is known).</summary>
    public static YouTubeClip? From(string? videoId, int? start, int? end)
    {
        var clip = TryParse(videoId);
        if (clip is null)
            return null;
        var from = start ?? clip.Start;
        return clip with { Start = from, End = end ?? (start is null ? clip.End : from + 10) };
    }

    /// <summary>Reads "http://youtu.be/ID?start=30&amp;end=40" (the study's form) or a bare id.</summary>
    public static YouTubeClip? TryParse(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
            return null;
        var match = ClipPattern().Match(reference.Trim());
        if (!match.Success)
            return null;
        var start = match.Groups["start"].Success ? int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture) : 0;
        var end = match.Groups["end"].Success ? int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture) : start + 10;
        return new YouTubeClip(match.Groups["id"].Value, start, end);
    }

    [GeneratedRegex(@"^(?:https?://(?:www\.)?(?:youtu\.be/|youtube\.com/watch\?v=))?(?<id>[A-Za-z0-9_-]{6,20})(?:[?&]start=(?<start>\d+))?(?:&end=(?<end>\d+))?")]
    private static partial Regex ClipPattern();
}
