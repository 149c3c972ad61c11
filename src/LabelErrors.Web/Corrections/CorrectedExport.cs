using LabelErrors.Core.Corrections;

namespace LabelErrors.Web.Corrections;

/// <summary>
/// The corrected labels of a study test set, for the /corrected page and <c>GET /api/v1/datasets/{dataset}/corrected</c>:
/// load the set once, apply the correction rule for any options, write the download. The same options always give
/// the same bytes.
/// </summary>
public sealed class CorrectedExport(CorrectedTestSets testSets)
{
    /// <summary>The study test set with its votes, or null for an unknown slug or an upload.</summary>
    public Task<StudyTestSet?> LoadAsync(string slug, CancellationToken cancellationToken = default) =>
        testSets.LoadAsync(slug, cancellationToken);

    /// <summary>Which label each example takes under <paramref name="options"/>, with the counts.</summary>
    public static CorrectedLabelSet Apply(StudyTestSet testSet, CorrectionOptions options) =>
        CorrectionRule.Apply(testSet.Examples, options);

    /// <summary>An index-aligned .npy needs every test example; CSV and JSON list the imported ones.</summary>
    public static bool CanWrite(StudyTestSet testSet, CorrectedLabelsFormat format) =>
        format != CorrectedLabelsFormat.Npy || testSet.IsComplete;

    /// <summary>The download for <paramref name="request"/>; check <see cref="CanWrite"/> first.</summary>
    public static CorrectedExportFile Write(StudyTestSet testSet, CorrectionRequest request)
    {
        if (!CanWrite(testSet, request.Format))
            throw new InvalidOperationException($"{testSet.Name} is not complete: no index-aligned .npy can be written");
        var set = Apply(testSet, request.Options);
        using var buffer = new MemoryStream();
        CorrectedLabelsFormatNames.Write(buffer, set, testSet.Slug, request.Format);
        var contentType = CorrectedLabelsFormatNames.MediaType(request.Format) + (request.Format == CorrectedLabelsFormat.Npy ? "" : "; charset=utf-8");
        return new CorrectedExportFile(buffer.ToArray(), contentType, request.FileName(testSet.Slug), set);
    }
}
