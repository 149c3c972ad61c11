using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class CorrectionReportConfiguration : IEntityTypeConfiguration<CorrectionReport>
{
    public const int MaxNoteLength = 500;

    public void Configure(EntityTypeBuilder<CorrectionReport> builder)
    {
        builder.ToTable("correction_reports");
        builder.HasKey(r => new { r.DatasetId, r.Id });
        builder.Property(r => r.Id).UseIdentityByDefaultColumn();
        builder.Property(r => r.BrowserId).HasMaxLength(VisitorVoteConfiguration.MaxBrowserIdLength);
        builder.Property(r => r.Note).HasMaxLength(MaxNoteLength);
        builder.HasOne<Example>().WithMany().HasForeignKey(r => new { r.DatasetId, r.ExampleId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.DatasetId, r.ExampleId, r.ReportedAt });
    }
}
