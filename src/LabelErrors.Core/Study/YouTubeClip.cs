using System.Globalization;
using System.Text.RegularExpressions;

namespace LabelErrors.Core.Study;

/// <summary>An AudioSet clip as the study links it: <c>http://youtu.be/&lt;id&gt;?start=30&amp;end=40</c>.</summary>
public sealed partial record YouTubeClip(string VideoId, int StartSeconds, int EndSeconds)
{
    public string Url => $"http://youtu.be/{VideoId}?start={StartSeconds}&end={EndSeconds}";

    /// <exception cref="FormatException">The link is not in the study's form.</exception>
    public static YouTubeClip Parse(string link)
    {
        var match = LinkPattern().Match(link);
        if (!match.Success)
            throw new FormatException($"not a youtu.be clip link: {link}");
        return new YouTubeClip(
            match.Groups["id"].Value,
            int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^https?://youtu\.be/(?<id>[A-Za-z0-9_-]+)\?start=(?<start>\d+)&end=(?<end>\d+)$")]
    private static partial Regex LinkPattern();
}
