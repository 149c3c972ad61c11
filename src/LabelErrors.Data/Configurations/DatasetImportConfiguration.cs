using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class DatasetImportConfiguration : IEntityTypeConfiguration<DatasetImport>
{
    public void Configure(EntityTypeBuilder<DatasetImport> builder)
    {
        builder.ToTable("dataset_imports");
        builder.HasKey(i => i.Slug);
        builder.Property(i => i.Slug).HasMaxLength(64);
        builder.Property(i => i.SourceHash).HasMaxLength(64);
    }
}
