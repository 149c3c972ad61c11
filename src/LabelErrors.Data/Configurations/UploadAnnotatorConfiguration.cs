using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class UploadAnnotatorConfiguration : IEntityTypeConfiguration<UploadAnnotator>
{
    public void Configure(EntityTypeBuilder<UploadAnnotator> builder)
    {
        builder.ToTable("upload_annotators");
        builder.HasKey(a => new { a.DatasetId, a.Annotator });
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(a => a.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}
