using System.Globalization;
using System.Text.Json;

namespace LabelErrors.Core.Study;

/// <summary>
/// Parses <c>mturk/&lt;slug&gt;_mturk.json</c> in each modality's form (see <see cref="VoteForm"/>). Labels given by
/// name are resolved against the dataset's class names; AudioSet's names (written without commas in the file, e.g.
/// "Boat Water vehicle") are mapped to the names of classes.json ("Boat, Water vehicle").
/// </summary>
public static class MturkFileParser
{
    /// <summary>The study asked five workers per AudioSet clip; the file records votes per label, not the count.</summary>
    public const int AudioSetWorkers = 5;

    public static IReadOnlyList<MturkRecord> Parse(ReadOnlySpan<byte> json, StudyDataset dataset, IReadOnlyList<string> classNames)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var labelIndex = new ClassNameIndex(classNames);
        var records = new List<MturkRecord>(document.RootElement.GetArrayLength());
        var row = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            try
            {
                records.Add(dataset.VoteForm switch
                {
                    VoteForm.GivenGuessedNeitherBoth => ParseGivenGuessed(element),
                    VoteForm.ImdbSentiment => ParseImdb(element, labelIndex),
                    VoteForm.AmazonSentiment => ParseAmazon(element, labelIndex),
                    VoteForm.AudioSetMultiLabel => ParseAudioSet(element, labelIndex),
                    _ => throw new InvalidDataException($"unknown vote form {dataset.VoteForm}"),
                });
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{dataset.MturkFile}: row {row}: {ex.Message}", ex);
            }
            row++;
        }
        return records;
    }

    private static MturkRecord ParseGivenGuessed(JsonElement element)
    {
        var mturk = element.GetProperty("mturk");
        var given = mturk.GetProperty("given").GetInt32();
        var guessed = mturk.GetProperty("guessed").GetInt32();
        var neither = mturk.GetProperty("neither").GetInt32();
        int? both = mturk.TryGetProperty("both", out var b) ? b.GetInt32() : null;
        var id = element.GetProperty("id").GetInt64();
        return new MturkRecord
        {
            RawId = id.ToString(CultureInfo.InvariantCulture),
            StudyIndex = id,
            Url = element.GetProperty("url").GetString()!,
            GivenLabel = element.GetProperty("given_original_label").GetInt32(),
            GivenLabelName = element.GetProperty("given_original_label_name").GetString()!,
            GuessedLabel = element.GetProperty("our_guessed_label").GetInt32(),
            GuessedLabelName = element.GetProperty("our_guessed_label_name").GetString()!,
            Votes = new StudyVotes { Given = given, Guessed = guessed, Neither = neither, Both = both, Total = given + guessed + neither + (both ?? 0) },
        };
    }

    private static MturkRecord ParseImdb(JsonElement element, ClassNameIndex labels)
    {
        var mturk = element.GetProperty("mturk");
        var votes = new StudyVotes
        {
            Given = mturk.GetProperty("given").GetInt32(),
            Guessed = mturk.GetProperty("guessed").GetInt32(),
            Neutral = mturk.GetProperty("neutral").GetInt32(),
            OffTopic = mturk.GetProperty("off-topic").GetInt32(),
            Total = 0,
        };
        var given = element.GetProperty("given_original_label").GetString()!;
        var guessed = element.GetProperty("our_guessed_label").GetString()!;
        return new MturkRecord
        {
            RawId = element.GetProperty("id").GetString()!,
            Url = element.GetProperty("url").GetString()!,
            GivenLabel = labels.Of(given),
            GivenLabelName = given,
            GuessedLabel = labels.Of(guessed),
            GuessedLabelName = guessed,
            Votes = votes with { Total = votes.Given + votes.Guessed + votes.Neutral!.Value + votes.OffTopic!.Value },
        };
    }

    private static MturkRecord ParseAmazon(JsonElement element, ClassNameIndex labels)
    {
        var mturk = element.GetProperty("mturk");
        var options = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in mturk.EnumerateObject())
            options[option.Name] = option.Value.GetInt32();
        var given = element.GetProperty("given_original_label").GetString()!;
        var guessed = element.GetProperty("our_guessed_label").GetString()!;
        var id = element.GetProperty("id").GetInt64();
        return new MturkRecord
        {
            RawId = id.ToString(CultureInfo.InvariantCulture),
            StudyIndex = id,
            Url = element.GetProperty("url").GetString()!,
            GivenLabel = labels.Of(given),
            GivenLabelName = given,
            GuessedLabel = labels.Of(guessed),
            GuessedLabelName = guessed,
            Votes = new StudyVotes
            {
                Given = options[given],
                Guessed = options[guessed],
                Positive = options["positive"],
                Negative = options["negative"],
                Neutral = options["neutral"],
                OffTopic = options["off-topic"],
                Total = options.Values.Sum(),
            },
        };
    }

    private static MturkRecord ParseAudioSet(JsonElement element, ClassNameIndex labels)
    {
        var labelVotes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var vote in element.GetProperty("mturk").EnumerateObject())
            labelVotes[labels.Canonical(vote.Name)] = vote.Value.GetInt32();
        var given = element.GetProperty("given_original_labels").EnumerateArray().Select(l => labels.Canonical(l.GetString()!)).ToList();
        var guessed = element.GetProperty("our_guessed_labels").EnumerateArray().Select(l => labels.Canonical(l.GetString()!)).ToList();
        int VotesFor(string label) => labelVotes.TryGetValue(label, out var count) ? count : 0;
        var id = element.GetProperty("id").GetInt64();
        return new MturkRecord
        {
            RawId = id.ToString(CultureInfo.InvariantCulture),
            StudyIndex = id,
            Url = element.GetProperty("url").GetString()!,
            GivenLabel = labels.Of(given[0]),
            GivenLabelName = given[0],
            GuessedLabel = labels.Of(guessed[0]),
            GuessedLabelName = guessed[0],
            GivenLabelNames = given,
            GuessedLabelNames = guessed,
            Votes = new StudyVotes
            {
                Given = given.Min(VotesFor),
                Guessed = guessed.Max(VotesFor),
                Total = AudioSetWorkers,
                LabelVotes = labelVotes,
            },
        };
    }
}
