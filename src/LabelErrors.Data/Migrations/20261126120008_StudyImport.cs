using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudyImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "negative",
                table: "mturk_votes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "positive",
                table: "mturk_votes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "clip_end_seconds",
                table: "examples",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "clip_start_seconds",
                table: "examples",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "given_label_names",
                table: "examples",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "guessed_label_names",
                table: "examples",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "normalized_margin",
                table: "examples",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "top_predictions_json",
                table: "examples",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_note",
                table: "datasets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "figures_note",
                table: "datasets",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "recomputed_cl_guessed",
                table: "datasets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "recomputed_error_percent",
                table: "datasets",
                type: "numeric(8,4)",
                precision: 8,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "recomputed_estimated",
                table: "datasets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "recomputed_mturk_checked",
                table: "datasets",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "recomputed_validated",
                table: "datasets",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dataset_imports",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    importer_version = table.Column<int>(type: "integer", nullable: false),
                    source_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    example_count = table.Column<int>(type: "integer", nullable: false),
                    duration_seconds = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataset_imports", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "example_texts",
                columns: table => new
                {
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "english")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "text" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_example_texts", x => x.example_id);
                    table.ForeignKey(
                        name: "fk_example_texts_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mturk_votes_both",
                table: "mturk_votes",
                column: "both");

            migrationBuilder.CreateIndex(
                name: "ix_mturk_votes_neither",
                table: "mturk_votes",
                column: "neither");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_normalized_margin",
                table: "examples",
                columns: new[] { "dataset_id", "normalized_margin" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_predicted_label",
                table: "examples",
                columns: new[] { "dataset_id", "predicted_label" });

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

            migrationBuilder.CreateIndex(
                name: "ix_example_texts_search_vector",
                table: "example_texts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_imports");

            migrationBuilder.DropTable(
                name: "example_texts");

            migrationBuilder.DropIndex(
                name: "ix_mturk_votes_both",
                table: "mturk_votes");

            migrationBuilder.DropIndex(
                name: "ix_mturk_votes_neither",
                table: "mturk_votes");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_normalized_margin",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_predicted_label",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_given_label_names",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_examples_guessed_label_names",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "negative",
                table: "mturk_votes");

            migrationBuilder.DropColumn(
                name: "positive",
                table: "mturk_votes");

            migrationBuilder.DropColumn(
                name: "clip_end_seconds",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "clip_start_seconds",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "given_label_names",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "guessed_label_names",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "normalized_margin",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "top_predictions_json",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "content_note",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "figures_note",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "recomputed_cl_guessed",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "recomputed_error_percent",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "recomputed_estimated",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "recomputed_mturk_checked",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "recomputed_validated",
                table: "datasets");
        }
    }
}
