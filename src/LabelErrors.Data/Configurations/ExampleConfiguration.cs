using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ExampleConfiguration : IEntityTypeConfiguration<Example>
{
    public void Configure(EntityTypeBuilder<Example> builder)
    {
        builder.ToTable("examples");
        // Keys lead with the dataset, the distribution column when examples and their children are distributed by
        // dataset (Citus, docs/scale-out.md): every unique key and foreign key then holds within one dataset's shard.
        builder.HasKey(e => new { e.DatasetId, e.Id });
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.Consensus).HasConversion<string>().HasMaxLength(16);
        // No declared foreign key to datasets: its per-row check cost a quarter of an upload's save (1,000,000 lookups
        // of the same dataset). Statement-level triggers keep the same integrity, checking and locking each inserted
        // dataset once per statement and cascading deletes (migration ExampleDatasetTriggers, docs/performance.md).
        builder.Property(e => e.TopPredictionsJson).HasColumnType("jsonb");
        builder.HasOne(e => e.Text).WithOne().HasForeignKey<ExampleText>(t => new { t.DatasetId, t.ExampleId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Votes).WithOne().HasForeignKey<MturkVotes>(v => new { v.DatasetId, v.ExampleId }).OnDelete(DeleteBehavior.Cascade);

        // Every dataset, study set or upload: permalinks look an example up by (dataset, index); the gallery's "all
        // examples" view sorts by label quality and filters by given / suggested (predicted) class. The label-quality
        // sort key is the expression ExampleSearch orders by, COALESCE(label_quality, double.MaxValue) (missing values
        // last); EF Core cannot declare an expression index, so the PartialExampleIndexes migration creates it by SQL
        // (ix_examples_dataset_id_label_quality_key).
        builder.HasIndex(e => new { e.DatasetId, e.StudyIndex }).IsUnique();
        builder.HasIndex(e => new { e.DatasetId, e.GivenLabel });
        builder.HasIndex(e => new { e.DatasetId, e.PredictedLabel });

        // Partial indexes: each holds only the rows its filter selects. An upload's million rows are neither checked,
        // validated nor given a consensus or label-name arrays, and only its few flagged rows have a guessed label and
        // an issue rank, so writing them maintains 5 index entries per row instead of 13 (docs/performance.md,
        // "Uploads"). The queries that use them state the same condition (`is_validated_error`, `guessed_label = @x`
        // implies NOT NULL, …), which PostgreSQL needs to pick a partial index; QueryPlanTests guard it.
        builder.HasIndex(e => new { e.DatasetId, e.IsMturkChecked, e.LabelQuality }).HasFilter("is_mturk_checked");
        builder.HasIndex(e => new { e.DatasetId, e.IsValidatedError, e.LabelQuality }).HasFilter("is_validated_error");
        builder.HasIndex(e => new { e.DatasetId, e.IsClFlagged, e.LabelQuality }).HasFilter("is_cl_flagged");
        builder.HasIndex(e => new { e.DatasetId, e.Consensus }).HasFilter("consensus IS NOT NULL");
        builder.HasIndex(e => new { e.DatasetId, e.GuessedLabel }).HasFilter("guessed_label IS NOT NULL");
        builder.HasIndex(e => new { e.DatasetId, e.IssueRank }).HasFilter("issue_rank IS NOT NULL");
        builder.HasIndex(e => new { e.DatasetId, e.IsOutlier, e.OutlierScore }).HasFilter("is_outlier");
        // The scopes' sort-key indexes, (dataset_id, label-quality key, study_index) WHERE <scope>, are SQL (migrations
        // ScopeSortKeyIndexes; GalleryCoveringIndexes adds INCLUDE (id, label_quality) to the checked and validated
        // ones, empty in an upload's partition, so that a gallery page's keys are an index-only scan).

        // AudioSet's "given/guessed class" filter: array containment (@>) on the label-name lists.
        builder.HasIndex(e => e.GivenLabelNames).HasMethod("gin").HasFilter("given_label_names IS NOT NULL");
        builder.HasIndex(e => e.GuessedLabelNames).HasMethod("gin").HasFilter("guessed_label_names IS NOT NULL");
    }
}
