using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LabelErrors.Data.Configurations;

internal sealed class MturkVotesConfiguration : IEntityTypeConfiguration<MturkVotes>
{
    public void Configure(EntityTypeBuilder<MturkVotes> builder)
    {
        builder.ToTable("mturk_votes");
        builder.HasKey(v => new { v.DatasetId, v.ExampleId });
        builder.Property(v => v.LabelVotesJson).HasColumnType("jsonb");
        builder.HasIndex(v => v.Guessed);
        builder.HasIndex(v => v.Given);

        // The gallery's agreement filters ("at least k workers chose neither / both").
        builder.HasIndex(v => v.Neither);
        builder.HasIndex(v => v.Both);
    }
}
