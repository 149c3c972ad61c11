using System.Globalization;
using LabelErrors.Core.Formats;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Uploads.Annotators;

/// <summary>
/// Reads what the job stored for a multi-annotator upload: the annotators with their statistics (leaderboard, gallery
/// filter, API), one example's votes (permalink), and the consensus table; writes the two CSV exports with the CLI's
/// columns (<c>labelerrors multiannotator --out … --annotator-stats …</c>).
/// </summary>
public sealed class AnnotatorQueries(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public const string ConsensusCsvHeader = "index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations";
    public const string AnnotatorStatsCsvHeader = "annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled";

    /// <summary>The upload's annotators in cleanlab's annotator_stats order (lowest quality first).</summary>
    public async Task<IReadOnlyList<UploadAnnotator>> AnnotatorsAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UploadAnnotators.AsNoTracking().Where(a => a.DatasetId == datasetId).OrderBy(a => a.Position).ToListAsync(cancellationToken);
    }

    /// <summary>Every annotator's label of the example at <paramref name="index"/>, in the CSV's column order.</summary>
    public async Task<IReadOnlyList<AnnotatorVote>> VotesAsync(int datasetId, long index, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (
            from e in db.Examples
            where e.DatasetId == datasetId && e.StudyIndex == index
            from a in db.ExampleAnnotations.Where(a => a.DatasetId == datasetId && a.ExampleId == e.Id)
            join u in db.UploadAnnotators on new { a.DatasetId, a.Annotator } equals new { u.DatasetId, u.Annotator }
            orderby a.Annotator
            select new AnnotatorVote(a.Annotator, u.Name, a.Label, a.LabelQuality)).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>A page of the consensus table in index order.</summary>
    public async Task<(IReadOnlyList<ConsensusRow> Rows, int Total)> ConsensusAsync(int datasetId, int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var examples = db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId);
        var total = await examples.CountAsync(cancellationToken);
        var rows = await Rows(examples.OrderBy(e => e.StudyIndex).Skip(offset).Take(limit)).ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations for every example, as the CLI writes it.</summary>
    public async Task WriteConsensusCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(ConsensusCsvHeader.Split(','));
        var rows = Rows(db.Examples.AsNoTracking().Where(e => e.DatasetId == datasetId).OrderBy(e => e.StudyIndex)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteField(row.Index);
            csv.WriteField(row.ConsensusLabel);
            csv.WriteField(Number(row.ConsensusQualityScore));
            csv.WriteField(Number(row.AnnotatorAgreement));
            csv.WriteField(row.NumAnnotations);
            await csv.EndRecordAsync();
        }
    }

    /// <summary>annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled, worst annotator first (an empty quality is cleanlab's NaN).</summary>
    public async Task WriteAnnotatorStatsCsvAsync(int datasetId, TextWriter writer, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.Create(writer);
        csv.WriteHeader(AnnotatorStatsCsvHeader.Split(','));
        foreach (var annotator in await AnnotatorsAsync(datasetId, cancellationToken))
        {
            csv.WriteField(annotator.Name);
            csv.WriteField(annotator.AnnotatorQuality is { } quality ? Number(quality) : "");
            csv.WriteField(Number(annotator.AgreementWithConsensus));
            csv.WriteField(annotator.WorstClass);
            csv.WriteField(annotator.NumExamplesLabeled);
            await csv.EndRecordAsync();
        }
    }

    private static IQueryable<ConsensusRow> Rows(IQueryable<Example> examples) =>
        examples.Select(e => new ConsensusRow(e.StudyIndex, e.GivenLabel, e.LabelQuality ?? double.NaN, e.AnnotatorAgreement ?? double.NaN, e.NumAnnotations ?? 0));

    // The CLI's number form: shortest round trip, Python's lowercase exponent ("1e-05"), so the files diff cleanly.
    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
}
