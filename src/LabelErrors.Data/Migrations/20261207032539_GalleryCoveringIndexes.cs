using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <summary>
    /// Covering indexes for the gallery's page keys (issue #17, docs/performance.md "Uncached pages", 2026-12-07):
    /// ExampleSearch finds a page's keys under its OFFSET first and reads only the page's rows by primary key. The
    /// scope sort-key indexes (ScopeSortKeyIndexes) are rebuilt with <c>INCLUDE (id, label_quality)</c> so that reading a
    /// scope's keys is an index-only scan (the id to join the votes; the bare label_quality because PostgreSQL answers
    /// an expression index's key from the heap unless the expression's columns are in the index too), and the votes get (dataset_id, example_id) INCLUDE their counts so that the agreement
    /// filter is an index-only probe: a deep page with an agreement filter no longer reads every skipped row's heap tuple
    /// and votes row. Upload saves are unchanged: the two scope indexes are partial (mTurk-checked and validated rows
    /// only: an upload has none, so its partition gets the same indexes as before, both empty), and an upload writes no
    /// votes. The flagged scope's index is left as it is: an upload's flagged rows are in it, and the INCLUDE would
    /// make it larger. Same names, so the plan tests and the Citus layout keep them. SQL, as EF Core cannot
    /// declare expression indexes.
    /// </summary>
    public partial class GalleryCoveringIndexes : Migration
    {
        private const string SortKey = "(COALESCE(label_quality, '1.7976931348623157E+308'::double precision))";

        private static readonly (string Name, string Scope)[] ScopeIndexes =
        [
            ("ix_examples_dataset_id_checked_label_quality_key", "is_mturk_checked"),
            ("ix_examples_dataset_id_validated_label_quality_key", "is_validated_error"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, scope) in ScopeIndexes)
            {
                migrationBuilder.Sql($"DROP INDEX {name}");
                migrationBuilder.Sql($"CREATE INDEX {name} ON examples (dataset_id, {SortKey}, study_index) INCLUDE (id, label_quality) WHERE {scope}");
            }

            migrationBuilder.CreateIndex(
                name: "ix_mturk_votes_dataset_id_example_id_counts",
                table: "mturk_votes",
                columns: new[] { "dataset_id", "example_id" })
                .Annotation("Npgsql:IndexInclude", new[] { "given", "guessed", "both", "neither" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mturk_votes_dataset_id_example_id_counts",
                table: "mturk_votes");

            foreach (var (name, scope) in ScopeIndexes)
            {
                migrationBuilder.Sql($"DROP INDEX {name}");
                migrationBuilder.Sql($"CREATE INDEX {name} ON examples (dataset_id, {SortKey}, study_index) WHERE {scope}");
            }
        }
    }
}
