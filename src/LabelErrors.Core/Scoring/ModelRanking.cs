namespace LabelErrors.Core.Scoring;

/// <summary>Ranks models by original and by corrected accuracy, to show where the order changes (the paper's finding).</summary>
public static class ModelRanking
{
    /// <summary>The models, best on the original labels first (ties by name, ordinal).</summary>
    public static IReadOnlyList<RankedModel> Rank(IEnumerable<(string Name, ModelScore Score)> models)
    {
        var list = models.ToList();
        var original = list.Select(m => m.Score.AccuracyOriginal ?? 0).ToArray();
        var corrected = list.Select(m => m.Score.AccuracyCorrected ?? 0).ToArray();
        return list
            .Select((m, i) => new RankedModel(m.Name, m.Score, CompetitionRank(original, i), CompetitionRank(corrected, i)))
            .OrderBy(r => r.OriginalRank).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    // "1224" ranking: one more than the number of strictly better models.
    private static int CompetitionRank(double[] accuracies, int index) => 1 + accuracies.Count(a => a > accuracies[index]);
}
