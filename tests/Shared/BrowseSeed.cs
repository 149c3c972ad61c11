using LabelErrors.Data;
using LabelErrors.Data.Entities;

namespace LabelErrors.Tests.Shared;

/// <summary>
/// A small, hand-made study (an image, a text and an audio dataset) for browse tests that must not depend on the
/// full import: every consensus category, vote pattern and label occurs, with known counts.
/// </summary>
public static class BrowseSeed
{
    public static readonly string[] CifarClasses = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>The review text of IMDB example 7: markup that must be shown as text, and two paragraphs.</summary>
    public const string MarkupReview = "<b>Not bold</b> <script>window.pwned = true</script>\n\nSecond paragraph: a \"great\" film & more.";

    public static async Task SeedAsync(LabelErrorsDbContext db)
    {
        var cifar = new Dataset
        {
            Slug = "cifar10", Name = "CIFAR-10", Modality = Modality.Image, TestSetSize = 10_000, ClassCount = 10, SortOrder = 2,
            Paper = new PaperFigures { ClGuessed = 275, MturkChecked = 275, Validated = 54, ErrorPercent = 0.54m },
            Recomputed = new PaperFigures { ClGuessed = 275, MturkChecked = 275, Validated = 54, ErrorPercent = 0.54m },
            Classes = CifarClasses.Select((name, i) => new DatasetClass { Index = i, Name = name }).ToList(),
        };
        var imdb = new Dataset
        {
            Slug = "imdb", Name = "IMDB", Modality = Modality.Text, TestSetSize = 25_000, ClassCount = 2, SortOrder = 8,
            Paper = new PaperFigures { ClGuessed = 1310, MturkChecked = 1310, Validated = 725, ErrorPercent = 2.9m },
            Recomputed = new PaperFigures { ClGuessed = 1310, MturkChecked = 1310, Validated = 727, ErrorPercent = 2.908m },
            FiguresNote = "Seeded difference for the test.",
            Classes = [new DatasetClass { Index = 0, Name = "Negative" }, new DatasetClass { Index = 1, Name = "Positive" }],
        };
        var audioset = new Dataset
        {
            Slug = "audioset", Name = "AudioSet", Modality = Modality.Audio, TestSetSize = 20_371, ClassCount = 527, SortOrder = 10,
            Paper = new PaperFigures { ClGuessed = 307, MturkChecked = 147, Validated = 275, Estimated = 1364, ErrorPercent = 1.1m },
            Classes = [new DatasetClass { Index = 0, Name = "Speech" }, new DatasetClass { Index = 1, Name = "Cheering" }],
        };
        db.Datasets.AddRange(cifar, imdb, audioset);
        await db.SaveChangesAsync();

        // CIFAR-10: 40 checked examples at study indices 0, 10, 20, …; the consensus cycles through the five categories.
        var categories = Enum.GetValues<ConsensusCategory>();
        for (var i = 0; i < 40; i++)
        {
            var consensus = categories[i % categories.Length];
            var given = i % 10;
            var guessed = (i + 3) % 10;
            var (g, q, both, neither) = consensus switch
            {
                ConsensusCategory.NotAnError => (4, 1, 0, 0),
                ConsensusCategory.Correctable => (0, 4, 1, 0),
                ConsensusCategory.MultiLabel => (1, 1, 3, 0),
                ConsensusCategory.Neither => (1, 0, 1, 3),
                _ => (2, 2, 1, 0),
            };
            db.Examples.Add(new Example
            {
                DatasetId = cifar.Id, StudyIndex = i * 10, GivenLabel = given, GuessedLabel = guessed, PredictedLabel = guessed,
                LabelQuality = 0.001 * (40 - i), NormalizedMargin = -0.5 + 0.01 * i,
                TopPredictionsJson = $"[{{\"label\":{guessed},\"probability\":0.9}},{{\"label\":{given},\"probability\":{0.001 * (40 - i):0.000}}}]",
                IsClFlagged = true, IsMturkChecked = true, IsValidatedError = consensus != ConsensusCategory.NotAnError, Consensus = consensus,
                Votes = new MturkVotes { Given = g, Guessed = q, Both = both, Neither = neither, Total = 5 },
            });
        }
        // Two unchecked CIFAR-10 examples: only visible in the "all examples" scope.
        db.Examples.Add(new Example { DatasetId = cifar.Id, StudyIndex = 5, GivenLabel = 1 });
        db.Examples.Add(new Example { DatasetId = cifar.Id, StudyIndex = 15, GivenLabel = 2 });

        for (var i = 0; i < 10; i++)
        {
            var positive = i % 2 == 1;
            db.Examples.Add(new Example
            {
                DatasetId = imdb.Id, StudyIndex = i, ExternalId = $"test/{(positive ? "pos" : "neg")}/{1000 + i}_3.txt",
                GivenLabel = positive ? 1 : 0, GuessedLabel = positive ? 0 : 1, IsClFlagged = true, IsMturkChecked = true,
                IsValidatedError = i % 3 != 0, Consensus = i % 3 == 0 ? ConsensusCategory.NotAnError : ConsensusCategory.Correctable,
                Votes = new MturkVotes { Given = i % 3 == 0 ? 3 : 1, Guessed = i % 3 == 0 ? 1 : 3, Neutral = 1, OffTopic = 0, Total = 5 },
                Text = new ExampleText { Text = i == 7 ? MarkupReview : $"Review number {i}. The acting was {(positive ? "wonderful" : "dreadful")} and the plot moved along." },
            });
        }

        db.Examples.Add(new Example
        {
            DatasetId = audioset.Id, StudyIndex = 2, ExternalId = "lL5jq1TDiXQ", ClipStartSeconds = 30, ClipEndSeconds = 40,
            GivenLabel = 1, GuessedLabel = 0, GivenLabelNames = ["Cheering", "Crowd"], GuessedLabelNames = ["Speech"],
            IsClFlagged = true, IsMturkChecked = true, IsValidatedError = true, Consensus = ConsensusCategory.Correctable,
            Votes = new MturkVotes { Given = 3, Guessed = 4, Total = 5, LabelVotesJson = "{\"Cheering\": 4, \"Crowd\": 3, \"Speech\": 4}" },
        });
        await db.SaveChangesAsync();
    }
}
