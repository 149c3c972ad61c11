using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Data.Tests;

public sealed class MigrationTests
{
    private static LabelErrorsDbContext Open(TestDatabase database) => new(
        new DbContextOptionsBuilder<LabelErrorsDbContext>().UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options);

    [Fact]
    public async Task Migrations_apply_to_a_fresh_database_and_leave_nothing_pending()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Open(database);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_dataset_with_classes_examples_and_votes_round_trips()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = Open(database))
        {
            await db.Database.MigrateAsync();
            var dataset = new Dataset
            {
                Slug = "mnist", Name = "MNIST", Modality = Modality.Image, TestSetSize = 10_000, ClassCount = 10,
                Paper = new PaperFigures { ClGuessed = 100, MturkChecked = 100, Validated = 15, ErrorPercent = 0.15m },
                Classes = [.. Enumerable.Range(0, 10).Select(i => new DatasetClass { Index = i, Name = i.ToString() })],
            };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            db.Examples.Add(new Example
            {
                DatasetId = dataset.Id, StudyIndex = 2_000, GivenLabel = 5, GuessedLabel = 3, IsClFlagged = true, IsMturkChecked = true,
                IsValidatedError = true, Consensus = ConsensusCategory.Correctable,
                Votes = new MturkVotes { Given = 1, Guessed = 4, Neither = 0, Total = 5 },
            });
            await db.SaveChangesAsync();
        }

        await using (var db = Open(database))
        {
            var example = await db.Examples.Include(e => e.Votes).SingleAsync(e => e.StudyIndex == 2_000);
            Assert.Equal(ConsensusCategory.Correctable, example.Consensus);
            Assert.Equal(4, example.Votes!.Guessed);
            var mnist = await db.Datasets.Include(d => d.Classes).SingleAsync(d => d.Slug == "mnist");
            Assert.Equal(10, mnist.Classes.Count);
            Assert.Equal(0.15m, mnist.Paper.ErrorPercent);
        }
    }

    [Fact]
    public async Task The_same_study_index_cannot_be_stored_twice_in_one_dataset()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Open(database);
        await db.Database.MigrateAsync();
        var dataset = new Dataset { Slug = "imdb", Name = "IMDB", Modality = Modality.Text };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();

        db.Examples.Add(new Example { DatasetId = dataset.Id, StudyIndex = 7 });
        db.Examples.Add(new Example { DatasetId = dataset.Id, StudyIndex = 7 });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
    }
}
