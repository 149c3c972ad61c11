using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <summary>
    /// The gallery's default order within a scope (checked, validated, flagged): the label-quality sort key, then the
    /// study index, in partial indexes holding only that scope's rows. With them a page is the first rows of one index
    /// (no sort, no walk over the dataset's other rows: ImageNet's checked page read all 50,000 rows through the
    /// unscoped key index and filtered 44,560 away). EF Core cannot declare expression indexes, hence SQL; the constant
    /// is written exactly as Npgsql sends it (LabelQuality ?? double.MaxValue), so the planner matches the expression.
    /// </summary>
    public partial class ScopeSortKeyIndexes : Migration
    {
        private const string SortKey = "(COALESCE(label_quality, '1.7976931348623157E+308'::double precision))";

        private static readonly (string Name, string Scope)[] Indexes =
        [
            ("ix_examples_dataset_id_checked_label_quality_key", "is_mturk_checked"),
            ("ix_examples_dataset_id_validated_label_quality_key", "is_validated_error"),
            ("ix_examples_dataset_id_flagged_label_quality_key", "is_cl_flagged"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, scope) in Indexes)
                migrationBuilder.Sql($"CREATE INDEX {name} ON examples (dataset_id, {SortKey}, study_index) WHERE {scope}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Indexes)
                migrationBuilder.Sql($"DROP INDEX {name}");
        }
    }
}
