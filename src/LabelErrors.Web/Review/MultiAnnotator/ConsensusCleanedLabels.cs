using System.Globalization;
using LabelErrors.Core.Formats;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Review.MultiAnnotator;

/// <summary>
/// The cleaned labels of a multi-annotator upload (its <c>labels-fixed.csv</c>): the consensus label of every example,
/// replaced by the reviewer's current decision where there is one (keep = the consensus, accept = the model's
/// suggestion, relabel = the chosen class; excluded examples keep their row with an empty cleaned label). Undecided
/// examples keep the consensus, never the model's argmax: with several annotators the consensus is the label the
/// annotators' votes and the model agreed on (CROWDLAB), and only a reviewer overrides it.
/// </summary>
public sealed class ConsensusCleanedLabels(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const string Header = "index,cleaned_label,consensus_label,consensus_quality_score,annotator_agreement,num_annotations,review_decision";

    /// <summary>One example's row: <see cref="CleanedLabel"/> is null when the reviewer excluded it.</summary>
    public sealed record Row(long Index, int? CleanedLabel, int ConsensusLabel, double ConsensusQuality, double AnnotatorAgreement, int NumAnnotations, ReviewDecisionKind? Decision);

    public async IAsyncEnumerable<Row> RowsAsync(int datasetId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await ReviewService.CurrentAsync(db, datasetId, cancellationToken);
        var rows = db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId).OrderBy(e => e.StudyIndex)
            .Select(e => new { e.StudyIndex, e.GivenLabel, e.LabelQuality, e.AnnotatorAgreement, e.NumAnnotations })
            .AsAsyncEnumerable();
        await foreach (var e in rows.WithCancellation(cancellationToken))
        {
            var decision = current.GetValueOrDefault(e.StudyIndex);
            int? cleaned = decision switch
            {
                null => e.GivenLabel,
                { Kind: ReviewDecisionKind.Exclude } => null,
                _ => decision.Label ?? e.GivenLabel,
            };
            yield return new Row(e.StudyIndex, cleaned, e.GivenLabel, e.LabelQuality ?? double.NaN, e.AnnotatorAgreement ?? double.NaN, e.NumAnnotations ?? 0, decision?.Kind);
        }
    }

    /// <summary>Writes <see cref="Header"/> and one row per example in index order.</summary>
    public async Task WriteCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken = default)
    {
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(Header.Split(','));
        await foreach (var row in RowsAsync(datasetId, cancellationToken))
        {
            csv.WriteField(row.Index.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.CleanedLabel?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(row.ConsensusLabel.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Number(row.ConsensusQuality));
            csv.WriteField(Number(row.AnnotatorAgreement));
            csv.WriteField(row.NumAnnotations.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Decision is { } kind ? DecisionNames.Format(kind) : "");
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    // The consensus.csv number form (shortest round trip, lowercase exponent), so both files diff cleanly.
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
}
