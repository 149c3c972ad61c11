using LabelErrors.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data;

public sealed class LabelErrorsDbContext(DbContextOptions<LabelErrorsDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetClass> Classes => Set<DatasetClass>();
    public DbSet<Example> Examples => Set<Example>();
    public DbSet<MturkVotes> MturkVotes => Set<MturkVotes>();
    public DbSet<AnalysisJob> AnalysisJobs => Set<AnalysisJob>();
    public DbSet<ExampleText> ExampleTexts => Set<ExampleText>();
    public DbSet<DatasetImport> DatasetImports => Set<DatasetImport>();
    public DbSet<ReviewDecision> ReviewDecisions => Set<ReviewDecision>();
    public DbSet<VisitorVote> VisitorVotes => Set<VisitorVote>();
    public DbSet<VisitorTally> VisitorTallies => Set<VisitorTally>();
    public DbSet<CorrectionReport> CorrectionReports => Set<CorrectionReport>();
    public DbSet<ExampleClassLabel> ExampleClassLabels => Set<ExampleClassLabel>();
    public DbSet<ExampleAnnotation> ExampleAnnotations => Set<ExampleAnnotation>();
    public DbSet<UploadAnnotator> UploadAnnotators => Set<UploadAnnotator>();

    /// <summary>
    /// The ASP.NET Core Data Protection key ring (antiforgery tokens, protected component state): in the database so
    /// that every web node of a deployment encrypts and decrypts with the same keys (docs/scale-out.md).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LabelErrorsDbContext).Assembly);
}
