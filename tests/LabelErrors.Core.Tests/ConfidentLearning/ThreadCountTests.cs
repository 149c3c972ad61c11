using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

public sealed class ThreadCountTests
{
    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        const int k = 8;
        var (labels, probs) = SyntheticData.Make(60_000, k, seed: 21);
        var p = PredProbs.FromSingle(probs.Select(v => (float)v).ToArray(), labels.Length, k);
        var options = new FindLabelIssuesOptions { FilterBy = FilterBy.Both, ReturnIndicesRankedBy = RankBy.NormalizedMargin };
        int saved = Parallelism.MaxDegree;
        try
        {
            Parallelism.MaxDegree = 1;
            var single = LabelIssues.Find(labels, p, options);
            var singleJoint = ConfidentJoint.Compute(labels, p);
            Parallelism.MaxDegree = 7;
            var many = LabelIssues.Find(labels, p, options);
            var manyJoint = ConfidentJoint.Compute(labels, p);

            Assert.True(single.Count > 100);
            Assert.Equal(single.Mask, many.Mask);
            Assert.Equal(single.RankedIndices!, many.RankedIndices!);
            Assert.Equal(singleJoint, manyJoint);
        }
        finally
        {
            Parallelism.MaxDegree = saved;
        }
    }
}
