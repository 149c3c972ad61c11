namespace LabelErrors.Core.Scoring;

/// <summary>A model's place by original and by corrected accuracy (1 = best; ties share a rank).</summary>
public sealed record RankedModel(string Name, ModelScore Score, int OriginalRank, int CorrectedRank)
{
    /// <summary>Places gained on the corrected labels (negative: lost).</summary>
    public int RankChange => OriginalRank - CorrectedRank;
}
