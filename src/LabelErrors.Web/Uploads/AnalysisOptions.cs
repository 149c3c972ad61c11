using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Web.Uploads;

/// <summary>The find_label_issues options of an upload, with the CLI's names and defaults; stored as the job's JSON.</summary>
public sealed record AnalysisOptions
{
    [JsonPropertyName("filter_by")]
    public string FilterBy { get; init; } = SnakeCaseChoices.Name(Core.ConfidentLearning.FilterBy.PruneByNoiseRate);

    [JsonPropertyName("rank_by")]
    public string RankBy { get; init; } = SnakeCaseChoices.Name(Core.ConfidentLearning.RankBy.SelfConfidence);

    [JsonPropertyName("frac_noise")]
    public double FracNoise { get; init; } = 1.0;

    [JsonPropertyName("min_examples_per_class")]
    public int MinExamplesPerClass { get; init; } = 1;

    /// <summary>Multi-annotator uploads: cleanlab's consensus_method (null for the other tasks).</summary>
    [JsonPropertyName("consensus_method")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ConsensusMethod { get; init; }

    public static string[] FilterByChoices => SnakeCaseChoices.Names<FilterBy>();

    public static string[] RankByChoices => SnakeCaseChoices.Names<RankBy>();

    public FindLabelIssuesOptions ToCore() => new()
    {
        FilterBy = SnakeCaseChoices.Parse<FilterBy>(FilterBy),
        ReturnIndicesRankedBy = SnakeCaseChoices.Parse<RankBy>(RankBy),
        FracNoise = FracNoise,
        MinExamplesPerClass = MinExamplesPerClass,
    };

    public ScoreMethod ScoreMethod => (ScoreMethod)SnakeCaseChoices.Parse<RankBy>(RankBy);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static AnalysisOptions FromJson(string json) => JsonSerializer.Deserialize<AnalysisOptions>(json) ?? new AnalysisOptions();

    /// <summary>Checks the option fields with the core's rules, as the CLI does; empty fields take the defaults.</summary>
    public static AnalysisOptions Parse(UploadRequest request)
    {
        var defaults = new AnalysisOptions();
        var filterBy = Blank(request.FilterBy) ? defaults.FilterBy : request.FilterBy!.Trim();
        if (!FilterByChoices.Contains(filterBy))
            throw new UploadRejectedException(UploadField.FilterBy, $"filter_by '{filterBy}' is not one of {string.Join(", ", FilterByChoices)}");
        var rankBy = Blank(request.RankBy) ? defaults.RankBy : request.RankBy!.Trim();
        if (!RankByChoices.Contains(rankBy))
            throw new UploadRejectedException(UploadField.RankBy, $"rank_by '{rankBy}' is not one of {string.Join(", ", RankByChoices)}");

        var fracNoise = defaults.FracNoise;
        if (!Blank(request.FracNoise)
            && (!double.TryParse(request.FracNoise, NumberStyles.Float, CultureInfo.InvariantCulture, out fracNoise)
                || new FindLabelIssuesOptions { FracNoise = fracNoise }.Breaks(FindLabelIssuesOption.FracNoise)))
            throw new UploadRejectedException(UploadField.FracNoise, $"frac_noise '{request.FracNoise}' must be a number greater than 0 and at most 1");

        var minExamples = defaults.MinExamplesPerClass;
        if (!Blank(request.MinExamplesPerClass)
            && (!int.TryParse(request.MinExamplesPerClass, NumberStyles.Integer, CultureInfo.InvariantCulture, out minExamples)
                || new FindLabelIssuesOptions { MinExamplesPerClass = minExamples }.Breaks(FindLabelIssuesOption.MinExamplesPerClass)))
            throw new UploadRejectedException(UploadField.MinExamplesPerClass, $"min_examples_per_class '{request.MinExamplesPerClass}' must be a whole number ≥ 0");

        return new AnalysisOptions { FilterBy = filterBy, RankBy = rankBy, FracNoise = fracNoise, MinExamplesPerClass = minExamples };
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
