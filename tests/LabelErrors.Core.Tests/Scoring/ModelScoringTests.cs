using LabelErrors.Core.Corrections;
using LabelErrors.Core.Scoring;

namespace LabelErrors.Core.Tests.Scoring;

public sealed class ModelScoringTests
{
    // Six examples: 0 and 1 unchecked, 2 correctable (2 → 7), 3 neither (dropped), 4 correctable (1 → 0), 5 not an error.
    private static readonly CorrectedLabelSet Set = CorrectionRule.Apply(
    [
        new(0, 3, null, null, null, StudyCategory.Unchecked, false),
        new(1, 4, null, null, null, StudyCategory.Unchecked, false),
        new(2, 2, 7, 1, 4, StudyCategory.Correctable, true),
        new(3, 1, 8, 0, 1, StudyCategory.Neither, true),
        new(4, 1, 0, 0, 5, StudyCategory.Correctable, true),
        new(5, 6, 9, 3, 2, StudyCategory.NotAnError, false),
    ], new CorrectionOptions { Neither = UncorrectableHandling.Drop });

    [Fact]
    public void Matches_a_hand_computation()
    {
        // predictions:       0  1  2  3  4  5
        int[] predictions = [3, 0, 7, 1, 1, 6];
        var score = ModelScoring.Score(predictions, Set);

        // Original labels 3,4,2,1,1,6: right at 0, 3, 4, 5.
        Assert.Equal(6, score.Examples);
        Assert.Equal(4, score.CorrectOnOriginal);
        Assert.Equal(4 / 6.0, score.AccuracyOriginal);
        // Corrected labels (3 dropped) 3,4,7,0,6 at 0,1,2,4,5: right at 0, 2, 5.
        Assert.Equal(5, score.KeptExamples);
        Assert.Equal(3, score.CorrectOnCorrected);
        // Validated errors 2, 3, 4: original right at 3 and 4; corrected (2, 4 kept) right at 2.
        Assert.Equal(3, score.ValidatedErrors);
        Assert.Equal(2, score.ValidatedCorrectOnOriginal);
        Assert.Equal(2, score.ValidatedKept);
        Assert.Equal(1, score.ValidatedCorrectOnCorrected);
        Assert.Equal(0.5, score.ValidatedAccuracyCorrected);
        // Changed labels at 2 and 4: predicted the corrected label at 2, the given label at 4.
        Assert.Equal(2, score.ChangedExamples);
        Assert.Equal(1, score.AgreeWithGiven);
        Assert.Equal(1, score.AgreeWithCorrected);
    }

    [Fact]
    public void Too_few_predictions_are_refused() =>
        Assert.Throws<ArgumentException>(() => ModelScoring.Score(new int[5], Set));

    [Fact]
    public void Ranking_shows_where_the_order_changes()
    {
        // "a" fits the original labels better, "b" the corrected ones.
        var a = ModelScoring.Score([3, 4, 2, 1, 1, 6], Set);
        var b = ModelScoring.Score([3, 4, 7, 8, 0, 0], Set);
        var c = ModelScoring.Score([0, 0, 0, 0, 0, 0], Set);

        var ranking = ModelRanking.Rank([("c", c), ("b", b), ("a", a)]);

        Assert.Equal(["a", "b", "c"], ranking.Select(r => r.Name));
        Assert.Equal((1, 2), (ranking[0].OriginalRank, ranking[0].CorrectedRank));
        Assert.Equal((2, 1), (ranking[1].OriginalRank, ranking[1].CorrectedRank));
        Assert.Equal(1, ranking[1].RankChange);
        Assert.Equal(0, ranking[2].RankChange);
    }

    [Fact]
    public void Tied_models_share_a_rank()
    {
        var same = ModelScoring.Score([3, 4, 2, 1, 1, 6], Set);
        var ranking = ModelRanking.Rank([("x", same), ("y", same)]);
        Assert.All(ranking, r => Assert.Equal(1, r.OriginalRank));
    }
}
