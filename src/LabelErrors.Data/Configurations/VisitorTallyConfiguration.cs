using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class VisitorTallyConfiguration : IEntityTypeConfiguration<VisitorTally>
{
    public void Configure(EntityTypeBuilder<VisitorTally> builder)
    {
        builder.ToTable("visitor_tallies");
        builder.HasKey(t => new { t.DatasetId, t.ExampleId });
        builder.Property(t => t.LabelVotesJson).HasColumnType("jsonb");
        builder.HasOne<Example>().WithOne(e => e.VisitorTally).HasForeignKey<VisitorTally>(t => new { t.DatasetId, t.ExampleId }).OnDelete(DeleteBehavior.Cascade);

        // The gallery's "disputed" filter.
        builder.HasIndex(t => new { t.DatasetId, t.ExampleId }).HasFilter("is_disputed").HasDatabaseName("ix_visitor_tallies_disputed");
    }
}
