using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class DatasetClassConfiguration : IEntityTypeConfiguration<DatasetClass>
{
    public void Configure(EntityTypeBuilder<DatasetClass> builder)
    {
        builder.ToTable("classes");
        builder.HasKey(c => new { c.DatasetId, c.Index });
        builder.Property(c => c.Name).HasMaxLength(300);
    }
}
