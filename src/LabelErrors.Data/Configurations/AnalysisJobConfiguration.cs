using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class AnalysisJobConfiguration : IEntityTypeConfiguration<AnalysisJob>
{
    public void Configure(EntityTypeBuilder<AnalysisJob> builder)
    {
        builder.ToTable("analysis_jobs");
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Stage).HasMaxLength(64);
        builder.Property(j => j.OptionsJson).HasColumnType("jsonb");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(j => j.DatasetId).OnDelete(DeleteBehavior.Cascade);

        // Workers claim the oldest queued job; stale-heartbeat recovery scans running jobs.
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.Property(j => j.ClientKey).HasMaxLength(64);
        builder.Property(j => j.WorkerId).HasMaxLength(100);
        builder.HasIndex(j => new { j.ClientKey, j.State });
    }
}
