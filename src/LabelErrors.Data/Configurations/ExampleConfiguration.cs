using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ExampleConfiguration : IEntityTypeConfiguration<Example>
{
    public void Configure(EntityTypeBuilder<Example> builder)
    {
        builder.ToTable("examples");
        builder.Property(e => e.Consensus).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.TopPredictionsJson).HasColumnType("jsonb");
        builder.HasOne(e => e.Text).WithOne().HasForeignKey<ExampleText>(t => t.ExampleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Votes).WithOne().HasForeignKey<MturkVotes>(v => v.ExampleId).OnDelete(DeleteBehavior.Cascade);

        // Permalinks look an example up by (dataset, study index); the gallery scopes and sorts within a dataset.
        builder.HasIndex(e => new { e.DatasetId, e.StudyIndex }).IsUnique();
        builder.HasIndex(e => new { e.DatasetId, e.IsMturkChecked, e.LabelQuality });
        builder.HasIndex(e => new { e.DatasetId, e.IsValidatedError, e.LabelQuality });
        builder.HasIndex(e => new { e.DatasetId, e.IsClFlagged, e.LabelQuality });
        builder.HasIndex(e => new { e.DatasetId, e.Consensus });
        builder.HasIndex(e => new { e.DatasetId, e.GivenLabel });
        builder.HasIndex(e => new { e.DatasetId, e.GuessedLabel });
        builder.HasIndex(e => new { e.DatasetId, e.PredictedLabel });
        builder.HasIndex(e => new { e.DatasetId, e.NormalizedMargin });
        builder.HasIndex(e => new { e.DatasetId, e.IssueRank });

        // AudioSet's "given/guessed class" filter: array containment (@>) on the label-name lists.
        builder.HasIndex(e => e.GivenLabelNames).HasMethod("gin");
        builder.HasIndex(e => e.GuessedLabelNames).HasMethod("gin");
    }
}
