using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Core.Tests.ConfidentLearning.MultiAnnotator;

/// <summary>The refusals and the documented rules that the reference files cannot show on their own.</summary>
public sealed class MultiAnnotatorRulesTests
{
    private const int X = AnnotatorLabels.Missing;

    private static PredProbs Uniform(int n, int k) => PredProbs.FromDouble(Enumerable.Repeat(1.0 / k, n * k).ToArray(), n, k);

    [Fact]
    public void An_annotator_without_labels_is_refused_by_name()
    {
        var labels = new AnnotatorLabels([0, 1, X, 1, 1, X], 2, ["alice", "bob", "carol"]);

        var e = Assert.Throws<ArgumentException>(() => MultiAnnotatorLabelQuality.Get(labels, Uniform(2, 2)));

        Assert.Contains("1 annotator labelled none: 'carol'", e.Message);
    }

    [Fact]
    public void An_example_without_labels_is_refused_by_index()
    {
        var labels = new AnnotatorLabels([0, 1, X, X, 1, 1], 3, 2);

        var e = Assert.Throws<ArgumentException>(() => MultiAnnotatorLabelQuality.Get(labels, Uniform(3, 2)));

        Assert.Contains("1 example without any: 1", e.Message);
    }

    [Fact]
    public void Labels_beyond_the_pred_probs_columns_are_refused()
    {
        var labels = new AnnotatorLabels([0, 2, 1, 1], 2, 2);

        Assert.Throws<ArgumentException>(() => MultiAnnotatorLabelQuality.Get(labels, Uniform(2, 2)));
    }

    [Fact]
    public void A_full_tie_falls_back_to_the_smallest_class_where_cleanlab_picks_at_random()
    {
        // one example, two annotators, two classes, uniform pred_probs and equal class frequencies: every tiebreak ties
        var labels = new AnnotatorLabels([1, 0], 1, 2);

        Assert.Equal([0], MajorityVote.Labels(labels, Uniform(1, 2)));
    }

    [Fact]
    public void Pred_probs_break_a_vote_tie_first()
    {
        var labels = new AnnotatorLabels([0, 1, 1, 1], 2, 2);
        var p = PredProbs.FromDouble([0.3, 0.7, 0.5, 0.5], 2, 2);

        Assert.Equal([1, 1], MajorityVote.Labels(labels, p));
    }

    [Fact]
    public void Agreement_posterior_places_counts_as_cleanlabs_value_counts_does()
    {
        // labels {2, 2, 3} with K = 5: cleanlab's value_counts on float labels writes [2, 1, 0, 0, 0]
        Span<double> counts = stackalloc double[5];
        EmpiricalLabelCounts.Fill([0, 0, 2, 1, 0], counts);

        Assert.Equal([2.0, 1.0, 0.0, 0.0, 0.0], counts.ToArray());
    }
}
