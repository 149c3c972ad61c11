using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>The site for the upload flow: a pause before each job stage, so the progress bar can be watched moving.</summary>
public sealed class UploadSiteFixture : SiteFixture
{
    // The upload flow waits on background jobs; on a loaded machine 5 s expectations are too tight.
    public UploadSiteFixture() => Assertions.SetDefaultExpectTimeout(20_000);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Jobs:StageDelay"] = "00:00:00.800",
        ["Jobs:PollInterval"] = "00:00:00.250",
    };
}
