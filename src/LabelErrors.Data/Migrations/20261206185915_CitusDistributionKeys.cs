using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <summary>
    /// Every key of examples and its children leads with dataset_id, the distribution column when the tables are
    /// distributed by dataset (Citus, docs/scale-out.md): composite primary keys (dataset_id, id), unique keys and
    /// foreign keys to examples on (dataset_id, example_id). The children get a dataset_id column, filled from their example.
    /// </summary>
    public partial class CitusDistributionKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_correction_reports_examples_example_id",
                table: "correction_reports");

            migrationBuilder.DropForeignKey(
                name: "fk_example_texts_examples_example_id",
                table: "example_texts");

            migrationBuilder.DropForeignKey(
                name: "fk_mturk_votes_examples_example_id",
                table: "mturk_votes");

            migrationBuilder.DropForeignKey(
                name: "fk_review_decisions_examples_example_id",
                table: "review_decisions");

            migrationBuilder.DropForeignKey(
                name: "fk_visitor_tallies_examples_example_id",
                table: "visitor_tallies");

            migrationBuilder.DropForeignKey(
                name: "fk_visitor_votes_examples_example_id",
                table: "visitor_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visitor_votes",
                table: "visitor_votes");

            migrationBuilder.DropIndex(
                name: "ix_visitor_votes_example_id_browser_id",
                table: "visitor_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visitor_tallies",
                table: "visitor_tallies");

            migrationBuilder.DropIndex(
                name: "ix_visitor_tallies_disputed",
                table: "visitor_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_review_decisions",
                table: "review_decisions");

            migrationBuilder.DropIndex(
                name: "ix_review_decisions_example_id",
                table: "review_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_mturk_votes",
                table: "mturk_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_examples",
                table: "examples");

            migrationBuilder.DropPrimaryKey(
                name: "pk_example_texts",
                table: "example_texts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_correction_reports",
                table: "correction_reports");

            migrationBuilder.DropIndex(
                name: "ix_correction_reports_example_id_reported_at",
                table: "correction_reports");

            migrationBuilder.AddColumn<int>(
                name: "dataset_id",
                table: "visitor_votes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dataset_id",
                table: "visitor_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dataset_id",
                table: "mturk_votes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dataset_id",
                table: "example_texts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "dataset_id",
                table: "correction_reports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The new dataset_id columns take their example's dataset before the keys that include them are built.
            foreach (var table in new[] { "visitor_votes", "visitor_tallies", "mturk_votes", "example_texts", "correction_reports" })
                migrationBuilder.Sql($"UPDATE {table} c SET dataset_id = e.dataset_id FROM examples e WHERE e.id = c.example_id;");

            migrationBuilder.AddPrimaryKey(
                name: "pk_visitor_votes",
                table: "visitor_votes",
                columns: new[] { "dataset_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_visitor_tallies",
                table: "visitor_tallies",
                columns: new[] { "dataset_id", "example_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_review_decisions",
                table: "review_decisions",
                columns: new[] { "dataset_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_mturk_votes",
                table: "mturk_votes",
                columns: new[] { "dataset_id", "example_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_examples",
                table: "examples",
                columns: new[] { "dataset_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_example_texts",
                table: "example_texts",
                columns: new[] { "dataset_id", "example_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_correction_reports",
                table: "correction_reports",
                columns: new[] { "dataset_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_visitor_votes_dataset_id_example_id_browser_id",
                table: "visitor_votes",
                columns: new[] { "dataset_id", "example_id", "browser_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visitor_tallies_disputed",
                table: "visitor_tallies",
                columns: new[] { "dataset_id", "example_id" },
                filter: "is_disputed");

            migrationBuilder.CreateIndex(
                name: "ix_correction_reports_dataset_id_example_id_reported_at",
                table: "correction_reports",
                columns: new[] { "dataset_id", "example_id", "reported_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_correction_reports_examples_dataset_id_example_id",
                table: "correction_reports",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_example_texts_examples_dataset_id_example_id",
                table: "example_texts",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_mturk_votes_examples_dataset_id_example_id",
                table: "mturk_votes",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_review_decisions_examples_dataset_id_example_id",
                table: "review_decisions",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_visitor_tallies_examples_dataset_id_example_id",
                table: "visitor_tallies",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_visitor_votes_examples_dataset_id_example_id",
                table: "visitor_votes",
                columns: new[] { "dataset_id", "example_id" },
                principalTable: "examples",
                principalColumns: new[] { "dataset_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_correction_reports_examples_dataset_id_example_id",
                table: "correction_reports");

            migrationBuilder.DropForeignKey(
                name: "fk_example_texts_examples_dataset_id_example_id",
                table: "example_texts");

            migrationBuilder.DropForeignKey(
                name: "fk_mturk_votes_examples_dataset_id_example_id",
                table: "mturk_votes");

            migrationBuilder.DropForeignKey(
                name: "fk_review_decisions_examples_dataset_id_example_id",
                table: "review_decisions");

            migrationBuilder.DropForeignKey(
                name: "fk_visitor_tallies_examples_dataset_id_example_id",
                table: "visitor_tallies");

            migrationBuilder.DropForeignKey(
                name: "fk_visitor_votes_examples_dataset_id_example_id",
                table: "visitor_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visitor_votes",
                table: "visitor_votes");

            migrationBuilder.DropIndex(
                name: "ix_visitor_votes_dataset_id_example_id_browser_id",
                table: "visitor_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_visitor_tallies",
                table: "visitor_tallies");

            migrationBuilder.DropIndex(
                name: "ix_visitor_tallies_disputed",
                table: "visitor_tallies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_review_decisions",
                table: "review_decisions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_mturk_votes",
                table: "mturk_votes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_examples",
                table: "examples");

            migrationBuilder.DropPrimaryKey(
                name: "pk_example_texts",
                table: "example_texts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_correction_reports",
                table: "correction_reports");

            migrationBuilder.DropIndex(
                name: "ix_correction_reports_dataset_id_example_id_reported_at",
                table: "correction_reports");

            migrationBuilder.DropColumn(
                name: "dataset_id",
                table: "visitor_votes");

            migrationBuilder.DropColumn(
                name: "dataset_id",
                table: "visitor_tallies");

            migrationBuilder.DropColumn(
                name: "dataset_id",
                table: "mturk_votes");

            migrationBuilder.DropColumn(
                name: "dataset_id",
                table: "example_texts");

            migrationBuilder.DropColumn(
                name: "dataset_id",
                table: "correction_reports");

            migrationBuilder.AddPrimaryKey(
                name: "pk_visitor_votes",
                table: "visitor_votes",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_visitor_tallies",
                table: "visitor_tallies",
                column: "example_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_review_decisions",
                table: "review_decisions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_mturk_votes",
                table: "mturk_votes",
                column: "example_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_examples",
                table: "examples",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_example_texts",
                table: "example_texts",
                column: "example_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_correction_reports",
                table: "correction_reports",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_visitor_votes_example_id_browser_id",
                table: "visitor_votes",
                columns: new[] { "example_id", "browser_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_visitor_tallies_disputed",
                table: "visitor_tallies",
                column: "example_id",
                filter: "is_disputed");

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_example_id",
                table: "review_decisions",
                column: "example_id");

            migrationBuilder.CreateIndex(
                name: "ix_correction_reports_example_id_reported_at",
                table: "correction_reports",
                columns: new[] { "example_id", "reported_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_correction_reports_examples_example_id",
                table: "correction_reports",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_example_texts_examples_example_id",
                table: "example_texts",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_mturk_votes_examples_example_id",
                table: "mturk_votes",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_review_decisions_examples_example_id",
                table: "review_decisions",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_visitor_tallies_examples_example_id",
                table: "visitor_tallies",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_visitor_votes_examples_example_id",
                table: "visitor_votes",
                column: "example_id",
                principalTable: "examples",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
