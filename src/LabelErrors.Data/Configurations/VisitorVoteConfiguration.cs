using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class VisitorVoteConfiguration : IEntityTypeConfiguration<VisitorVote>
{
    public const int MaxBrowserIdLength = 64;

    public void Configure(EntityTypeBuilder<VisitorVote> builder)
    {
        builder.ToTable("visitor_votes");
        builder.HasKey(v => new { v.DatasetId, v.Id });
        builder.Property(v => v.Id).UseIdentityByDefaultColumn();
        builder.Property(v => v.BrowserId).HasMaxLength(MaxBrowserIdLength);
        builder.Property(v => v.Answer).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Example>().WithMany().HasForeignKey(v => new { v.DatasetId, v.ExampleId }).OnDelete(DeleteBehavior.Cascade);

        // Once per example per browser: a second vote updates this row (an upsert on this key).
        builder.HasIndex(v => new { v.DatasetId, v.ExampleId, v.BrowserId }).IsUnique();
    }
}
