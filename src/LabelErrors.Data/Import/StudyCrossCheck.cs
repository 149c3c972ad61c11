using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Content;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Study;

namespace LabelErrors.Data.Import;

/// <summary>
/// For every study dataset with released pred_probs, runs the core's paper mode (<see cref="PaperSelection"/>) on the
/// bundled labels and pred_probs and compares its selection with the examples the study sent to Mechanical Turk.
/// </summary>
public sealed class StudyCrossCheck
{
    public IEnumerable<CrossCheckResult> Run(BundledAssets assets, CancellationToken cancellationToken)
    {
        foreach (var study in StudyCatalogue.All.Where(d => d.PredProbsFile is not null))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Check(assets, study);
        }
    }

    public static CrossCheckResult Check(BundledAssets assets, StudyDataset study)
    {
        try
        {
            var loader = new StudyDatasetLoader(assets);
            var checkedIndices = loader.LoadVotes(study).Records.Select(r => r.StudyIndex!.Value).ToHashSet();
            var labels = loader.ReadNpy(study.OriginalLabelsFile!, Npy.ReadLabels);
            var matrix = loader.ReadNpy(study.PredProbsFile!, Npy.ReadPredProbs);
            var selected = PaperSelection.Select(study.Slug, labels, matrix);
            var common = selected.Count(i => checkedIndices.Contains(i));
            return new CrossCheckResult(study.Slug, selected.Length, checkedIndices.Count, common, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new CrossCheckResult(study.Slug, 0, 0, 0, ex.Message);
        }
    }
}

/// <summary>Paper mode's selection against the study's mTurk-checked examples for one dataset.</summary>
public sealed record CrossCheckResult(string Slug, int SelectedCount, int CheckedCount, int CommonCount, string? Error)
{
    public bool Agrees => Error is null && SelectedCount == CheckedCount && CommonCount == CheckedCount;
}
