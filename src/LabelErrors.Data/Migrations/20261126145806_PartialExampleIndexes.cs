using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartialExampleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_consensus",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_guessed_label",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_cl_flagged_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_mturk_checked_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_validated_error_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_normalized_margin",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_given_label_names",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_guessed_label_names",
                table: "examples");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_consensus",
                table: "examples",
                columns: new[] { "dataset_id", "consensus" },
                filter: "consensus IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_guessed_label",
                table: "examples",
                columns: new[] { "dataset_id", "guessed_label" },
                filter: "guessed_label IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_cl_flagged_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_cl_flagged", "label_quality" },
                filter: "is_cl_flagged");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_mturk_checked_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_mturk_checked", "label_quality" },
                filter: "is_mturk_checked");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_validated_error_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_validated_error", "label_quality" },
                filter: "is_validated_error");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples",
                columns: new[] { "dataset_id", "issue_rank" },
                filter: "issue_rank IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_examples_given_label_names",
                table: "examples",
                column: "given_label_names",
                filter: "given_label_names IS NOT NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_examples_guessed_label_names",
                table: "examples",
                column: "guessed_label_names",
                filter: "guessed_label_names IS NOT NULL")
                .Annotation("Npgsql:IndexMethod", "gin");

            // The gallery's label-quality sort key (ExampleSearch: LabelQuality ?? double.MaxValue), which EF Core
            // cannot declare as an index. The constant is written exactly as Npgsql sends it, so the planner matches it.
            migrationBuilder.Sql(
                "CREATE INDEX ix_examples_dataset_id_label_quality_key ON examples " +
                "(dataset_id, (COALESCE(label_quality, '1.7976931348623157E+308'::double precision)))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_consensus",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_guessed_label",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_cl_flagged_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_mturk_checked_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_validated_error_label_quality",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_given_label_names",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_guessed_label_names",
                table: "examples");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_consensus",
                table: "examples",
                columns: new[] { "dataset_id", "consensus" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_guessed_label",
                table: "examples",
                columns: new[] { "dataset_id", "guessed_label" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_cl_flagged_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_cl_flagged", "label_quality" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_mturk_checked_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_mturk_checked", "label_quality" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_validated_error_label_quality",
                table: "examples",
                columns: new[] { "dataset_id", "is_validated_error", "label_quality" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples",
                columns: new[] { "dataset_id", "issue_rank" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_normalized_margin",
                table: "examples",
                columns: new[] { "dataset_id", "normalized_margin" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_given_label_names",
                table: "examples",
                column: "given_label_names")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_examples_guessed_label_names",
                table: "examples",
                column: "guessed_label_names")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.Sql("DROP INDEX ix_examples_dataset_id_label_quality_key");
        }
    }
}
