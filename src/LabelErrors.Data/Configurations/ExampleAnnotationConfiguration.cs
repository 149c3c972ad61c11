using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ExampleAnnotationConfiguration : IEntityTypeConfiguration<ExampleAnnotation>
{
    public void Configure(EntityTypeBuilder<ExampleAnnotation> builder)
    {
        builder.ToTable("example_annotations");
        builder.HasKey(a => new { a.DatasetId, a.ExampleId, a.Annotator });
        builder.HasOne<Example>().WithMany(e => e.Annotations).HasForeignKey(a => new { a.DatasetId, a.ExampleId }).OnDelete(DeleteBehavior.Cascade);
        // The gallery's "labelled by annotator" filter.
        builder.HasIndex(a => new { a.DatasetId, a.Annotator, a.ExampleId });
    }
}
