using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.ToTable("datasets");
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.Property(d => d.Slug).HasMaxLength(64);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.Property(d => d.Modality).HasConversion<string>().HasMaxLength(16);
        builder.OwnsOne(d => d.Paper, paper =>
        {
            paper.Property(p => p.ClGuessed).HasColumnName("paper_cl_guessed");
            paper.Property(p => p.MturkChecked).HasColumnName("paper_mturk_checked");
            paper.Property(p => p.Validated).HasColumnName("paper_validated");
            paper.Property(p => p.Estimated).HasColumnName("paper_estimated");
            paper.Property(p => p.ErrorPercent).HasColumnName("paper_error_percent").HasPrecision(6, 3);
        });
        builder.Navigation(d => d.Paper).IsRequired();
        builder.OwnsOne(d => d.Recomputed, figures =>
        {
            figures.Property(p => p.ClGuessed).HasColumnName("recomputed_cl_guessed");
            figures.Property(p => p.MturkChecked).HasColumnName("recomputed_mturk_checked");
            figures.Property(p => p.Validated).HasColumnName("recomputed_validated");
            figures.Property(p => p.Estimated).HasColumnName("recomputed_estimated");
            figures.Property(p => p.ErrorPercent).HasColumnName("recomputed_error_percent").HasPrecision(8, 4);
        });
        builder.OwnsOne(d => d.Upload, upload =>
        {
            upload.Property(u => u.ShareToken).HasColumnName("upload_share_token").HasMaxLength(32);
            upload.HasIndex(u => u.ShareToken).IsUnique();
            upload.Property(u => u.OwnerKeyHash).HasColumnName("upload_owner_key_hash").HasMaxLength(64);
            upload.Property(u => u.IsListed).HasColumnName("upload_is_listed");
            upload.Property(u => u.CreatedAt).HasColumnName("upload_created_at");
            upload.Property(u => u.StoragePath).HasColumnName("upload_storage_path").HasMaxLength(200);
            upload.Property(u => u.LabelsFile).HasColumnName("upload_labels_file").HasMaxLength(200);
            upload.Property(u => u.PredProbsFile).HasColumnName("upload_pred_probs_file").HasMaxLength(200);
            upload.Property(u => u.ClassNamesFile).HasColumnName("upload_class_names_file").HasMaxLength(200);
            upload.Property(u => u.Task).HasColumnName("upload_task").HasConversion<string>().HasMaxLength(16);
            upload.Property(u => u.Content).HasColumnName("upload_content").HasConversion<string>().HasMaxLength(16);
            upload.Property(u => u.HealthScore).HasColumnName("upload_health_score");
            upload.Property(u => u.HealthJson).HasColumnName("upload_health_json").HasColumnType("jsonb");
        });
        builder.HasMany(d => d.Classes).WithOne().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
