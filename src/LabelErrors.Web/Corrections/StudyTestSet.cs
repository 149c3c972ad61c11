using LabelErrors.Core.Corrections;

namespace LabelErrors.Web.Corrections;

/// <summary>A study dataset's imported test examples, as the correction rule reads them.</summary>
public sealed record StudyTestSet(int DatasetId, string Slug, string Name, int ClassCount, long TestSetSize, IReadOnlyList<CorrectionInput> Examples)
{
    /// <summary>Every example of the published test set is imported (indices 0…N−1): .npy exports and scoring work.</summary>
    public bool IsComplete =>
        Examples.Count == TestSetSize && (Examples.Count == 0 || (Examples[0].Index == 0 && Examples[^1].Index == TestSetSize - 1));
}
