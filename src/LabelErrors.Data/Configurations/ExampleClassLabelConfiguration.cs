using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class ExampleClassLabelConfiguration : IEntityTypeConfiguration<ExampleClassLabel>
{
    public void Configure(EntityTypeBuilder<ExampleClassLabel> builder)
    {
        builder.ToTable("example_class_labels");
        builder.HasKey(l => new { l.DatasetId, l.ExampleId, l.ClassIndex });
        builder.Property(l => l.Issue).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(l => l.IsSuggested);
        builder.HasOne<Example>().WithMany().HasForeignKey(l => new { l.DatasetId, l.ExampleId }).OnDelete(DeleteBehavior.Cascade);

        // The gallery's class filter (examples given or flagged for a class) and its "label missing" / "label wrong" filter.
        builder.HasIndex(l => new { l.DatasetId, l.ClassIndex, l.ExampleId });
        builder.HasIndex(l => new { l.DatasetId, l.Issue, l.ExampleId }).HasFilter("issue IS NOT NULL");
    }
}
