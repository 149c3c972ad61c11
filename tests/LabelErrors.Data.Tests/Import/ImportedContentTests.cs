using System.Text.Json;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Tests.Import;

/// <summary>Hand-picked rows of each modality, checked against the study's files read by hand.</summary>
[Collection(FullImportCollection.Name)]
public sealed class ImportedContentTests(FullImportFixture fixture)
{
    [Theory]
    [InlineData("cifar10", 20, false, ConsensusCategory.NotAnError)]       // given 3, both 2
    [InlineData("20news", 38, true, ConsensusCategory.NonAgreement)]       // given 1, guessed 2, both 2
    [InlineData("cifar100", 991, true, ConsensusCategory.MultiLabel)]      // both 3
    [InlineData("caltech256", 515, true, ConsensusCategory.Neither)]       // neither 3
    [InlineData("quickdraw", 20456, true, ConsensusCategory.Correctable)]  // guessed 4
    [InlineData("mnist", 720, false, ConsensusCategory.NotAnError)]        // 10 votes: given 5, guessed 5
    [InlineData("amazon", 22360, false, ConsensusCategory.NotAnError)]     // Positive given, 3 positive
    [InlineData("amazon", 38306, true, ConsensusCategory.Correctable)]     // guessed Neutral, 3 neutral
    [InlineData("amazon", 82748, true, ConsensusCategory.Neither)]         // Negative given, Neutral guessed, 4 positive
    [InlineData("audioset", 2, true, ConsensusCategory.Correctable)]       // Applause (guessed) 3, Children shouting (given) 0
    [InlineData("audioset", 323, true, ConsensusCategory.MultiLabel)]      // Jingle bell (given) 3, Music (guessed) 3
    [InlineData("audioset", 200, true, ConsensusCategory.Neither)]         // no label reached 3
    [InlineData("audioset", 343, false, ConsensusCategory.NotAnError)]     // Accordion (given) 3, no guessed one did
    public async Task Consensus_on_hand_picked_rows(string slug, long studyIndex, bool validated, ConsensusCategory consensus)
    {
        var example = await ExampleAsync(slug, studyIndex);
        Assert.True(example.IsMturkChecked);
        Assert.Equal(validated, example.IsValidatedError);
        Assert.Equal(consensus, example.Consensus);
    }

    [Fact]
    public async Task Imdb_rows_are_found_through_the_index_file_with_their_votes_and_review()
    {
        await using var db = await fixture.Harness.ContextAsync();
        var imdb = await db.Datasets.SingleAsync(d => d.Slug == "imdb");
        var correctable = await db.Examples.Include(e => e.Votes).Include(e => e.Text)
            .SingleAsync(e => e.DatasetId == imdb.Id && e.ExternalId == "test/neg/1003_4.txt");
        Assert.Equal((0, 3, 2, 0), (correctable.Votes!.Given, correctable.Votes.Guessed, correctable.Votes.Neutral, correctable.Votes.OffTopic));
        Assert.Equal(ConsensusCategory.Correctable, correctable.Consensus);
        Assert.Equal(0, correctable.GivenLabel);
        Assert.Equal(1, correctable.GuessedLabel);
        Assert.False(string.IsNullOrWhiteSpace(correctable.Text!.Text));

        var neither = await db.Examples.SingleAsync(e => e.DatasetId == imdb.Id && e.ExternalId == "test/neg/10166_4.txt");
        Assert.Equal(ConsensusCategory.Neither, neither.Consensus);

        // Index 0 names neg/9641_4.txt; indices 70 and 8907 both name neg/4369_2.txt and show the same review.
        var first = await db.ExampleTexts.SingleAsync(t => t.ExampleId == db.Examples.Single(e => e.DatasetId == imdb.Id && e.StudyIndex == 0).Id);
        Assert.StartsWith("My mistake for thinking this was a serious war-is-hell movie", first.Text);
        var twins = await db.Examples.Where(e => e.DatasetId == imdb.Id && (e.StudyIndex == 70 || e.StudyIndex == 8907)).Include(e => e.Text).ToListAsync();
        Assert.Equal(2, twins.Count);
        Assert.All(twins, t => Assert.Equal("test/neg/4369_2.txt", t.ExternalId));
        Assert.Equal(twins[0].Text!.Text, twins[1].Text!.Text);
        Assert.Equal(25_000, await db.ExampleTexts.CountAsync(t => db.Examples.Any(e => e.Id == t.ExampleId && e.DatasetId == imdb.Id)));
    }

    [Fact]
    public async Task Texts_are_searchable_with_the_full_text_index()
    {
        await using var db = await fixture.Harness.ContextAsync();
        var news = await db.Datasets.SingleAsync(d => d.Slug == "20news");
        var hits = await db.ExampleTexts
            .Where(t => db.Examples.Any(e => e.Id == t.ExampleId && e.DatasetId == news.Id) && t.SearchVector.Matches(EF.Functions.WebSearchToTsQuery("english", "Bonneville")))
            .Select(t => db.Examples.Single(e => e.Id == t.ExampleId).StudyIndex)
            .ToListAsync();
        Assert.Contains(0L, hits); // index 0 is rec.autos/103343, "Need info on 88-89 Bonneville"
        Assert.Equal(7_532, await db.ExampleTexts.CountAsync(t => db.Examples.Any(e => e.Id == t.ExampleId && e.DatasetId == news.Id)));
        var amazon = await db.Datasets.SingleAsync(d => d.Slug == "amazon");
        Assert.Equal(0, await db.ExampleTexts.CountAsync(t => db.Examples.Any(e => e.Id == t.ExampleId && e.DatasetId == amazon.Id)));
    }

    [Fact]
    public async Task Pred_probs_give_label_quality_margin_and_top_five()
    {
        var example = await ExampleAsync("mnist", 247); // given 4, CL guessed 6
        Assert.NotNull(example.LabelQuality);
        Assert.NotNull(example.TopPredictionsJson);
        var top = JsonDocument.Parse(example.TopPredictionsJson!).RootElement.EnumerateArray()
            .Select(p => (Label: p.GetProperty("label").GetInt32(), P: p.GetProperty("probability").GetDouble())).ToList();
        Assert.Equal(5, top.Count);
        Assert.True(top.Zip(top.Skip(1)).All(pair => pair.First.P >= pair.Second.P), "top-5 is sorted");
        var given = top.FirstOrDefault(p => p.Label == 4);
        var bestOther = top.First(p => p.Label != 4).P;
        Assert.Equal(example.LabelQuality!.Value - bestOther, example.NormalizedMargin!.Value, 12);
        Assert.Equal(example.PredictedLabel, top[0].Label);
        Assert.Equal(6, example.GuessedLabel);

        var imagenet = await ExampleAsync("imagenet", 0);
        Assert.Null(imagenet.LabelQuality);
        Assert.Null(imagenet.TopPredictionsJson);
        Assert.Equal("val/n01440764/ILSVRC2012_val_00000293.JPEG", imagenet.ExternalId);
    }

    [Fact]
    public async Task ImageNet_votes_attach_to_the_array_index_of_their_image()
    {
        await using var db = await fixture.Harness.ContextAsync();
        var imagenet = await db.Datasets.SingleAsync(d => d.Slug == "imagenet");
        // The mTurk id 10074 is the ILSVRC validation image number, not the array index.
        var example = await db.Examples.Include(e => e.Votes)
            .SingleAsync(e => e.DatasetId == imagenet.Id && e.ExternalId!.EndsWith("ILSVRC2012_val_00010074.JPEG"));
        Assert.Equal((1, 0, 0, 4), (example.Votes!.Given, example.Votes.Guessed, example.Votes.Neither, example.Votes.Both));
        Assert.Equal(ConsensusCategory.MultiLabel, example.Consensus);
        Assert.NotEqual(10074, example.StudyIndex);
    }

    [Fact]
    public async Task AudioSet_rows_carry_label_lists_votes_per_label_and_the_clip()
    {
        await using var db = await fixture.Harness.ContextAsync();
        var audioset = await db.Datasets.SingleAsync(d => d.Slug == "audioset");
        var example = await db.Examples.Include(e => e.Votes).SingleAsync(e => e.DatasetId == audioset.Id && e.StudyIndex == 2);
        Assert.Equal("lL5jq1TDiXQ", example.ExternalId);
        Assert.Equal((30, 40), (example.ClipStartSeconds, example.ClipEndSeconds));
        Assert.Equal(["Speech", "Applause"], example.GuessedLabelNames);
        Assert.Contains("Crowd", example.GivenLabelNames!);
        var votes = JsonSerializer.Deserialize<Dictionary<string, int>>(example.Votes!.LabelVotesJson!)!;
        Assert.Equal(4, votes["Cheering"]);
        Assert.Equal(0, example.Votes.Given);   // the weakest given label: Children shouting
        Assert.Equal(3, example.Votes.Guessed); // the strongest guessed label: Applause
        Assert.Equal("http://youtu.be/lL5jq1TDiXQ?start=30&end=40", example.Votes.SourceUrl);

        // Names the vote file writes without commas map to classes.json's names.
        Assert.True(await db.Examples.AnyAsync(e => e.DatasetId == audioset.Id && e.GivenLabelNames!.Contains("Boat, Water vehicle")));
        Assert.Equal(307, await db.Examples.CountAsync(e => e.DatasetId == audioset.Id && e.GivenLabelNames != null));
        Assert.Equal(20_371 - 307, await db.Examples.CountAsync(e => e.DatasetId == audioset.Id && e.GivenLabel == -1));
    }

    [Fact]
    public async Task Metadata_and_table1_figures_are_stored()
    {
        await using var db = await fixture.Harness.ContextAsync();
        var datasets = await db.Datasets.Include(d => d.Classes).OrderBy(d => d.SortOrder).ToListAsync();
        Assert.Equal(["mnist", "cifar10", "cifar100", "caltech256", "imagenet", "quickdraw", "20news", "imdb", "amazon", "audioset"], datasets.Select(d => d.Slug));
        var caltech = datasets.Single(d => d.Slug == "caltech256");
        Assert.Equal((4_643L, 400L, 65L, 754L, 2.46m), (caltech.Paper.ClGuessed, caltech.Paper.MturkChecked, caltech.Paper.Validated, caltech.Paper.Estimated!.Value, caltech.Paper.ErrorPercent));
        Assert.Equal((2_360L, 458L), (caltech.Recomputed!.MturkChecked, caltech.Recomputed.Validated));
        Assert.Equal(30_607, caltech.TestSetSize);
        Assert.Contains("2,360", caltech.FiguresNote);
        Assert.Equal(257, caltech.Classes.Count);
        var news = datasets.Single(d => d.Slug == "20news");
        Assert.Equal((1.11m, 1.09m), (news.Paper.ErrorPercent, news.Recomputed!.ErrorPercent));
        Assert.Equal(50_426_266, datasets.Single(d => d.Slug == "quickdraw").TestSetSize);
        Assert.Equal(527, datasets.Single(d => d.Slug == "audioset").ClassCount);
        Assert.All(datasets, d => Assert.False(string.IsNullOrWhiteSpace(d.Citation)));
    }

    private async Task<Example> ExampleAsync(string slug, long studyIndex)
    {
        await using var db = await fixture.Harness.ContextAsync();
        var dataset = await db.Datasets.SingleAsync(d => d.Slug == slug);
        return await db.Examples.Include(e => e.Votes).SingleAsync(e => e.DatasetId == dataset.Id && e.StudyIndex == studyIndex);
    }
}
