using System.Text.Json;
using LabelErrors.Tests.Shared;
using Microsoft.Playwright;

namespace LabelErrors.E2E;

/// <summary>
/// The review of a multi-label upload in the browser: the queue in the gallery's order, accept a suggested set, toggle a
/// class into a custom set, see the charts, and download labels-fixed.json carrying both decisions. The data is
/// cleanlab's 400 × 4 multi-label reference set; the expected sets are worked out here from its labels and per-class issues.
/// </summary>
public sealed class MultiLabelReviewE2ETests(UploadSiteFixture site) : IClassFixture<UploadSiteFixture>
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "reference", "multilabel", "synthetic_N400_K4_float64");
    private const int K = 4;

    [Fact]
    public async Task Accept_a_suggestion_toggle_a_class_and_download_the_labels_with_both_decisions()
    {
        var given = JsonSerializer.Deserialize<int[][]>(File.ReadAllText(Path.Combine(Folder, "inputs", "labels.json")))!;
        var ranked = Json("find_label_issues__return_indices_ranked_by=self_confidence.json").GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var perClass = Json("find_multilabel_issues_per_class.json").GetProperty("per_class").EnumerateArray()
            .Select(c => c.EnumerateArray().Select(e => e.GetInt32()).ToHashSet()).ToArray();
        int[] Suggested(int i) => Enumerable.Range(0, K).Where(c => given[i].Contains(c) != perClass[c].Contains(i)).ToArray();

        var names = Path.Combine(Directory.CreateTempSubdirectory("le-e2e-mlreview-").FullName, "classes.txt");
        await File.WriteAllLinesAsync(names, ["indoor", "outdoor", "people", "animals"]);
        var accepted = await site.Site.Api.PostAcceptedAsync(new UploadForm()
            .File("labels", Path.Combine(Folder, "inputs", "labels.json")).File("pred_probs", Path.Combine(Folder, "inputs", "pred_probs.npy"))
            .File("class_names", names).Field("task", "multi-label").Field("name", "E2E multi-label review"));
        File.Delete(names);
        Directory.Delete(Path.GetDirectoryName(names)!);
        var token = accepted.GetProperty("token").GetString()!;
        var job = await site.Site.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);
        Assert.Equal("succeeded", job.GetProperty("state").GetString());

        var context = await site.Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync($"{site.BaseUrl}/u/{token}/review#key={accepted.GetProperty("ownerKey").GetString()}");
        await Assertions.Expect(page.Locator("#review-content")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-flagged", ranked.Length.ToString());

        // The first example of the gallery's order, its suggested set as chips: accept it.
        var first = ranked[0];
        await Assertions.Expect(page.Locator("#review-content")).ToHaveAttributeAsync("data-index", first.ToString());
        foreach (var c in Suggested(first))
            await Assertions.Expect(page.Locator($"#suggested-labels .label-chip[data-class='{c}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#suggested-labels .label-chip-missing, #given-labels .label-chip-wrong").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#suggested-labels .chip-quality").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\.\d\d$"));
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-review-first"), FullPage = true });
        await page.Locator("#decide-accept").ClickAsync();
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", "1");

        // The second: toggle a class the model did not flag, so the set is neither the given nor the suggested one.
        var second = ranked[1];
        await Assertions.Expect(page.Locator("#review-content")).ToHaveAttributeAsync("data-index", second.ToString());
        var toggled = Enumerable.Range(0, K).First(c => !perClass[c].Contains(second));
        var custom = Suggested(second).Contains(toggled) ? Suggested(second).Where(c => c != toggled).ToArray() : Suggested(second).Append(toggled).Order().ToArray();
        var row = page.Locator($"#class-toggles tr[data-class='{toggled}']");
        if (await row.CountAsync() > 0)
            await row.Locator("input[type=checkbox]").ClickAsync();
        else
            await page.Locator("#add-class").SelectOptionAsync(toggled.ToString());
        await Assertions.Expect(page.Locator($"#class-toggles tr[data-class='{toggled}'] input[type=checkbox]")).ToBeCheckedAsync(new() { Checked = custom.Contains(toggled) });
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-review-toggled"), FullPage = true });
        await page.Locator("#decide-set").ClickAsync();
        await Assertions.Expect(page.Locator("#progress")).ToHaveAttributeAsync("data-decided", "2");

        // Back to it: the decision reads as a custom set.
        await page.Locator("#review-prev").ClickAsync();
        await Assertions.Expect(page.Locator("#review-content")).ToHaveAttributeAsync("data-index", second.ToString());
        await Assertions.Expect(page.Locator("#current-decision")).ToContainTextAsync("custom labels");
        foreach (var c in Enumerable.Range(0, K).Where(c => perClass[c].Contains(second)))
        {
            var wrong = given[second].Contains(c);
            await Assertions.Expect(page.Locator($"#class-toggles tr[data-class='{c}'] .mud-chip")).ToHaveTextAsync(wrong ? "wrong" : "missing");
            await Assertions.Expect(page.Locator($"#class-toggles tr[data-class='{c}'] .mud-chip")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(wrong ? "mud-chip-color-error" : "mud-chip-color-success"));
        }
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-review-decided"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-fixed-json").ClickAsync());
        var downloaded = JsonSerializer.Deserialize<int[][]>(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal(given.Length, downloaded.Length);
        Assert.Equal(Suggested(first), downloaded[first]);
        Assert.Equal(custom, downloaded[second]);
        Assert.Equal(ranked[2..].Select(Suggested), ranked[2..].Select(i => downloaded[i]));

        // The charts of the upload: issues per class by kind and the label quality distribution.
        await page.GotoAsync($"{site.BaseUrl}/u/{token}");
        await BrowserPages.WaitInteractiveAsync(page); // a click while the circuit attaches its link handling can be lost
        await page.Locator("#upload-charts").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=multilabel-issues-chart] svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=multilabel-quality-chart] svg")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = SiteFixture.ScreenshotPath("multilabel-charts"), FullPage = true });
        Assert.Empty(errors);
        await context.CloseAsync();
    }

    private static JsonElement Json(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement;
}
