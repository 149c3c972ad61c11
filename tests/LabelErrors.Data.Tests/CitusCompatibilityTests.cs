using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace LabelErrors.Data.Tests;

/// <summary>
/// The schema keeps to what Citus needs to distribute examples and their children by dataset (docs/scale-out.md):
/// every primary key, unique index and foreign key of a distributed table includes dataset_id, foreign keys between
/// distributed tables match on it, and nothing small references something distributed. Citus itself is not
/// installable here; these rules are the ones its create_distributed_table enforces.
/// </summary>
public sealed class CitusCompatibilityTests
{
    private const string Column = CitusLayout.DistributionColumn;

    private static LabelErrorsDbContext Model() => new(
        new DbContextOptionsBuilder<LabelErrorsDbContext>().UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().Options);

    private static IEnumerable<(string Table, IEntityType Entity)> Tables(LabelErrorsDbContext db) =>
        db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).Select(e => (e.GetTableName()!, e));

    private static bool IsDistributed(string table) => CitusLayout.DistributedTables.Contains(table);

    private static IEnumerable<string> Columns(IEntityType entity, IEnumerable<IProperty> properties) =>
        properties.Select(p => p.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);

    [Fact]
    public void Every_table_has_a_place_in_the_layout()
    {
        using var db = Model();
        var layout = CitusLayout.DistributedTables.Concat(CitusLayout.ReferenceTables).Concat(CitusLayout.CoordinatorTables).ToList();
        Assert.Equal(layout.Count, layout.Distinct().Count());
        Assert.Equal(layout.Order(), Tables(db).Select(t => t.Table).Distinct().Order());
    }

    [Fact]
    public void Keys_and_unique_indexes_of_distributed_tables_include_the_dataset()
    {
        using var db = Model();
        foreach (var (table, entity) in Tables(db).Where(t => IsDistributed(t.Table)))
        {
            Assert.True(entity.FindProperty("DatasetId") is not null, $"{table} has no {Column}");
            foreach (var key in entity.GetKeys())
                Assert.True(Columns(entity, key.Properties).Contains(Column), $"key {key.GetName()} of {table} lacks {Column}");
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique))
                Assert.True(Columns(entity, index.Properties).Contains(Column), $"unique index {index.GetDatabaseName()} of {table} lacks {Column}");
        }
    }

    [Fact]
    public void Foreign_keys_stay_within_a_dataset_or_point_at_reference_tables()
    {
        using var db = Model();
        foreach (var (table, entity) in Tables(db))
        {
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var principal = foreignKey.PrincipalEntityType.GetTableName()!;
                if (!IsDistributed(table))
                {
                    Assert.False(IsDistributed(principal), $"{table} (not distributed) references the distributed {principal}");
                    continue;
                }

                if (!IsDistributed(principal))
                {
                    Assert.Contains(principal, CitusLayout.ReferenceTables);
                    continue;
                }

                // between co-located tables: dataset_id on both sides, at the same position
                var dependent = Columns(entity, foreignKey.Properties).ToList();
                var referenced = Columns(foreignKey.PrincipalEntityType, foreignKey.PrincipalKey.Properties).ToList();
                int at = dependent.IndexOf(Column);
                Assert.True(at >= 0 && referenced[at] == Column, $"{foreignKey.GetConstraintName()} ({table} → {principal}) does not match on {Column}");
            }
        }
    }

    [Fact]
    public async Task Unique_indexes_in_the_migrated_database_include_the_dataset_on_distributed_tables()
    {
        // covers indexes and constraints written in SQL by hand in migrations, which the EF model does not list
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = new LabelErrorsDbContext(new DbContextOptionsBuilder<LabelErrorsDbContext>().UseNpgsql(database.ConnectionString).UseSnakeCaseNamingConvention().Options))
            await db.Database.MigrateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE x.indisunique AND n.nspname = 'public' AND t.relname = ANY(@tables)
            """, connection);
        command.Parameters.AddWithValue("tables", CitusLayout.DistributedTables.ToArray());
        var seen = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            seen++;
            var definition = reader.GetString(2);
            Assert.True(definition.Contains(Column, StringComparison.Ordinal), $"{reader.GetString(1)} on {reader.GetString(0)} lacks {Column}: {definition}");
        }

        Assert.True(seen >= CitusLayout.DistributedTables.Count, $"only {seen} unique indexes found");
    }

    [Fact]
    public void The_scale_out_guide_quotes_the_conversion_script_as_it_is()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "scale-out.md"));
        Assert.Contains(string.Join('\n', CitusLayout.ConversionScript()), guide.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
