using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ExampleTextConfiguration : IEntityTypeConfiguration<ExampleText>
{
    public void Configure(EntityTypeBuilder<ExampleText> builder)
    {
        builder.ToTable("example_texts");
        builder.HasKey(t => new { t.DatasetId, t.ExampleId });

        // Free-text search in the gallery: PostgreSQL keeps the tsvector in step with the text; GIN makes @@ fast.
        builder.HasGeneratedTsVectorColumn(t => t.SearchVector, "english", t => new { t.Text })
            .HasIndex(t => t.SearchVector)
            .HasMethod("GIN");
    }
}
