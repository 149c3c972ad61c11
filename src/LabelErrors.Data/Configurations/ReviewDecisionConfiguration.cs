using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public const int MaxNoteLength = 1000;

    public void Configure(EntityTypeBuilder<ReviewDecision> builder)
    {
        builder.ToTable("review_decisions");
        builder.HasKey(d => new { d.DatasetId, d.Id });
        builder.Property(d => d.Id).UseIdentityByDefaultColumn();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Note).HasMaxLength(MaxNoteLength);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(d => d.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Example>().WithMany().HasForeignKey(d => new { d.DatasetId, d.ExampleId }).OnDelete(DeleteBehavior.Cascade);

        // The current decision per example (latest not undone) and the log in order, within one dataset.
        builder.HasIndex(d => new { d.DatasetId, d.ExampleId, d.Id });
        builder.HasIndex(d => new { d.DatasetId, d.BatchId });
    }
}
