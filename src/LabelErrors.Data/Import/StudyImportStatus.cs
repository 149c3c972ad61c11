using LabelErrors.Core.Study;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Import;

/// <summary>Which study datasets are fully imported (current importer version), which failed, which are missing.</summary>
public sealed class StudyImportStatus(IDbContextFactory<LabelErrorsDbContext> contexts)
{
    public async Task<StudyImportReport> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var imported = await db.DatasetImports.Where(i => i.ImporterVersion == StudyImporter.Version).Select(i => i.Slug).ToListAsync(cancellationToken);
        var problems = await db.Datasets.Where(d => d.ImportProblem != null).Select(d => new { d.Slug, d.ImportProblem }).ToListAsync(cancellationToken);
        var failed = problems.ToDictionary(p => p.Slug, p => p.ImportProblem!);
        var missing = StudyCatalogue.All.Select(d => d.Slug).Where(slug => !imported.Contains(slug) && !failed.ContainsKey(slug)).ToList();
        return new StudyImportReport([.. StudyCatalogue.All.Select(d => d.Slug).Where(s => imported.Contains(s) && !failed.ContainsKey(s))], missing, failed);
    }
}

/// <param name="Imported">Datasets fully imported by the current importer version.</param>
/// <param name="Missing">Datasets never imported (or by an older importer, or interrupted).</param>
/// <param name="Failed">Datasets whose last import failed, with the problem (a file name and reason).</param>
public sealed record StudyImportReport(IReadOnlyList<string> Imported, IReadOnlyList<string> Missing, IReadOnlyDictionary<string, string> Failed)
{
    public bool IsComplete => Missing.Count == 0 && Failed.Count == 0;
}
