using LabelErrors.Core.Corrections;

namespace LabelErrors.Core.Tests.Corrections;

public sealed class CorrectionRuleTests
{
    private static CorrectionInput Checked(long index, int given, int guessed, int givenVotes, int guessedVotes, StudyCategory category) =>
        new(index, given, guessed, givenVotes, guessedVotes, category, IsValidatedError: givenVotes < 3);

    private static CorrectionInput Unchecked(long index, int given) => new(index, given, null, null, null, StudyCategory.Unchecked, false);

    [Fact]
    public void Default_takes_the_guessed_label_at_three_of_five_and_keeps_everything_else()
    {
        var set = CorrectionRule.Apply(
        [
            Unchecked(0, 4),
            Checked(1, 2, 7, 1, 3, StudyCategory.Correctable),
            Checked(2, 5, 6, 3, 1, StudyCategory.NotAnError),
            Checked(3, 1, 8, 0, 1, StudyCategory.Neither),
            Checked(4, 3, 9, 1, 2, StudyCategory.NonAgreement),
            Checked(5, 0, 2, 1, 1, StudyCategory.MultiLabel),
        ], CorrectionOptions.Default);

        Assert.Equal([4, 7, 5, 1, 3, 0], set.Rows.Select(r => r.CorrectedLabel!.Value));
        Assert.Equal(1, set.CorrectedCount);
        Assert.Equal(5, set.UnchangedCount);
        Assert.Equal(0, set.DroppedCount);
    }

    [Fact]
    public void Five_of_five_treats_a_three_vote_correction_as_non_agreement()
    {
        CorrectionInput[] inputs = [Checked(0, 2, 7, 1, 3, StudyCategory.Correctable), Checked(1, 2, 7, 0, 5, StudyCategory.Correctable)];

        var keep = CorrectionRule.Apply(inputs, new CorrectionOptions { MinAgreement = 5 });
        var drop = CorrectionRule.Apply(inputs, new CorrectionOptions { MinAgreement = 5, NonAgreement = UncorrectableHandling.Drop });

        Assert.Equal([2, 7], keep.Rows.Select(r => r.CorrectedLabel!.Value));
        Assert.Null(drop.Rows[0].CorrectedLabel);
        Assert.Equal(7, drop.Rows[1].CorrectedLabel);
        Assert.Equal(CorrectionOutcome.Dropped, drop.Rows[0].Outcome);
    }

    [Theory]
    [InlineData(StudyCategory.MultiLabel)]
    [InlineData(StudyCategory.Neither)]
    [InlineData(StudyCategory.NonAgreement)]
    public void Each_uncorrectable_category_is_dropped_only_by_its_own_option(StudyCategory category)
    {
        var input = Checked(0, 1, 2, 1, 1, category);
        var options = new CorrectionOptions
        {
            MultiLabel = category == StudyCategory.MultiLabel ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
            Neither = category == StudyCategory.Neither ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
            NonAgreement = category == StudyCategory.NonAgreement ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
        };
        var onlyOthersDropped = new CorrectionOptions
        {
            MultiLabel = category != StudyCategory.MultiLabel ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
            Neither = category != StudyCategory.Neither ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
            NonAgreement = category != StudyCategory.NonAgreement ? UncorrectableHandling.Drop : UncorrectableHandling.Keep,
        };

        Assert.Null(CorrectionRule.CorrectedLabelOf(input, options));
        Assert.Equal(1, CorrectionRule.CorrectedLabelOf(input, onlyOthersDropped));
    }

    [Fact]
    public void Low_agreement_needs_more_votes_for_the_guess_than_for_the_given_label()
    {
        var tie = Checked(0, 1, 2, 2, 2, StudyCategory.NonAgreement);
        var ahead = Checked(1, 1, 2, 1, 2, StudyCategory.NonAgreement);
        var options = new CorrectionOptions { MinAgreement = 2 };

        Assert.Equal(1, CorrectionRule.CorrectedLabelOf(tie, options));
        Assert.Equal(2, CorrectionRule.CorrectedLabelOf(ahead, options));
    }

    [Fact]
    public void Not_an_error_and_unchecked_examples_are_never_dropped()
    {
        var dropAll = new CorrectionOptions { MultiLabel = UncorrectableHandling.Drop, Neither = UncorrectableHandling.Drop, NonAgreement = UncorrectableHandling.Drop };
        var set = CorrectionRule.Apply([Unchecked(0, 3), Checked(1, 5, 6, 4, 1, StudyCategory.NotAnError)], dropAll);
        Assert.Equal(0, set.DroppedCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Agreement_outside_one_to_five_is_refused(int k) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CorrectionRule.Apply([Unchecked(0, 1)], new CorrectionOptions { MinAgreement = k }));

    [Fact]
    public void Rows_come_out_in_index_order_and_duplicates_are_refused()
    {
        var set = CorrectionRule.Apply([Unchecked(2, 0), Unchecked(0, 1), Unchecked(1, 2)], CorrectionOptions.Default);
        Assert.Equal([0L, 1, 2], set.Rows.Select(r => r.Index));
        Assert.True(set.IsContiguous);
        Assert.Throws<ArgumentException>(() => CorrectionRule.Apply([Unchecked(1, 0), Unchecked(1, 1)], CorrectionOptions.Default));
    }
}
