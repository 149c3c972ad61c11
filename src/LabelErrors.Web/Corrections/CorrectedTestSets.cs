using LabelErrors.Core.Corrections;
using LabelErrors.Data;
using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Corrections;

/// <summary>Loads a study dataset's examples for the correction rule (one short context, two queries).</summary>
public sealed class CorrectedTestSets(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public async Task<StudyTestSet?> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking()
            .Where(d => d.Slug == slug && !d.IsUpload)
            .Select(d => new { d.Id, d.Slug, d.Name, d.ClassCount, d.TestSetSize })
            .FirstOrDefaultAsync(cancellationToken);
        if (dataset is null)
            return null;

        var rows = await db.Examples.AsNoTracking()
            .Where(e => e.DatasetId == dataset.Id)
            .OrderBy(e => e.StudyIndex)
            .Select(e => new
            {
                e.StudyIndex,
                e.GivenLabel,
                e.GuessedLabel,
                GivenVotes = e.Votes == null ? (int?)null : e.Votes.Given,
                GuessedVotes = e.Votes == null ? (int?)null : e.Votes.Guessed,
                e.Consensus,
                e.IsValidatedError,
            })
            .ToListAsync(cancellationToken);

        var examples = rows
            .Select(r => new CorrectionInput(r.StudyIndex, r.GivenLabel, r.GuessedLabel, r.GivenVotes, r.GuessedVotes, ToStudyCategory(r.Consensus), r.IsValidatedError))
            .ToArray();
        return new StudyTestSet(dataset.Id, dataset.Slug, dataset.Name, dataset.ClassCount, dataset.TestSetSize, examples);
    }

    public static StudyCategory ToStudyCategory(ConsensusCategory? consensus) => consensus switch
    {
        ConsensusCategory.NotAnError => StudyCategory.NotAnError,
        ConsensusCategory.Correctable => StudyCategory.Correctable,
        ConsensusCategory.MultiLabel => StudyCategory.MultiLabel,
        ConsensusCategory.Neither => StudyCategory.Neither,
        ConsensusCategory.NonAgreement => StudyCategory.NonAgreement,
        _ => StudyCategory.Unchecked,
    };
}
