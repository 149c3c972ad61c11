using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    modality = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    test_set_size = table.Column<long>(type: "bigint", nullable: false),
                    class_count = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    licence = table.Column<string>(type: "text", nullable: false),
                    citation = table.Column<string>(type: "text", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    paper_cl_guessed = table.Column<long>(type: "bigint", nullable: false),
                    paper_mturk_checked = table.Column<long>(type: "bigint", nullable: false),
                    paper_validated = table.Column<long>(type: "bigint", nullable: false),
                    paper_estimated = table.Column<long>(type: "bigint", nullable: true),
                    paper_error_percent = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    import_problem = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_datasets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analysis_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dataset_id = table.Column<int>(type: "integer", nullable: true),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    stage = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    percent = table.Column<double>(type: "double precision", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    options_json = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    worker_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analysis_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_analysis_jobs_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "classes",
                columns: table => new
                {
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classes", x => new { x.dataset_id, x.index });
                    table.ForeignKey(
                        name: "fk_classes_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "examples",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    study_index = table.Column<long>(type: "bigint", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    given_label = table.Column<int>(type: "integer", nullable: false),
                    guessed_label = table.Column<int>(type: "integer", nullable: true),
                    predicted_label = table.Column<int>(type: "integer", nullable: true),
                    label_quality = table.Column<double>(type: "double precision", nullable: true),
                    is_cl_flagged = table.Column<bool>(type: "boolean", nullable: false),
                    is_mturk_checked = table.Column<bool>(type: "boolean", nullable: false),
                    is_validated_error = table.Column<bool>(type: "boolean", nullable: false),
                    consensus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_examples", x => x.id);
                    table.ForeignKey(
                        name: "fk_examples_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mturk_votes",
                columns: table => new
                {
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    given = table.Column<int>(type: "integer", nullable: false),
                    guessed = table.Column<int>(type: "integer", nullable: false),
                    neither = table.Column<int>(type: "integer", nullable: true),
                    both = table.Column<int>(type: "integer", nullable: true),
                    neutral = table.Column<int>(type: "integer", nullable: true),
                    off_topic = table.Column<int>(type: "integer", nullable: true),
                    total = table.Column<int>(type: "integer", nullable: false),
                    label_votes_json = table.Column<string>(type: "jsonb", nullable: true),
                    source_url = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mturk_votes", x => x.example_id);
                    table.ForeignKey(
                        name: "fk_mturk_votes_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analysis_jobs_dataset_id",
                table: "analysis_jobs",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_analysis_jobs_state_created_at",
                table: "analysis_jobs",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_datasets_slug",
                table: "datasets",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_consensus",
                table: "examples",
                columns: new[] { "dataset_id", "consensus" });

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_given_label",
                table: "examples",
                columns: new[] { "dataset_id", "given_label" });

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
                name: "ix_examples_dataset_id_study_index",
                table: "examples",
                columns: new[] { "dataset_id", "study_index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mturk_votes_given",
                table: "mturk_votes",
                column: "given");

            migrationBuilder.CreateIndex(
                name: "ix_mturk_votes_guessed",
                table: "mturk_votes",
                column: "guessed");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analysis_jobs");

            migrationBuilder.DropTable(
                name: "classes");

            migrationBuilder.DropTable(
                name: "mturk_votes");

            migrationBuilder.DropTable(
                name: "examples");

            migrationBuilder.DropTable(
                name: "datasets");
        }
    }
}
