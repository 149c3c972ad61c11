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

        // The gallery's agreement filters and sort by example: the primary key's columns with the counts they test, so a
        // page's keys are found by index-only scans (ExampleSearch.SearchAsync; migration GalleryCoveringIndexes). Only
        // the study has votes: an upload's save never writes this table.
        builder.HasIndex(v => new { v.DatasetId, v.ExampleId })
            .IncludeProperties(v => new { v.Given, v.Guessed, v.Both, v.Neither })
            .HasDatabaseName("ix_mturk_votes_dataset_id_example_id_counts");
    }
}
