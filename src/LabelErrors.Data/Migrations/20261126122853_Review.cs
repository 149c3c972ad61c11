using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "correction_reports",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    browser_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_correction_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_correction_reports_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    study_index = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    label = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: true),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_decisions_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_review_decisions_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visitor_tallies",
                columns: table => new
                {
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    given = table.Column<int>(type: "integer", nullable: false),
                    guessed = table.Column<int>(type: "integer", nullable: false),
                    both = table.Column<int>(type: "integer", nullable: false),
                    neither = table.Column<int>(type: "integer", nullable: false),
                    neutral = table.Column<int>(type: "integer", nullable: false),
                    off_topic = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    is_disputed = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visitor_tallies", x => x.example_id);
                    table.ForeignKey(
                        name: "fk_visitor_tallies_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "visitor_votes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    browser_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    voted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visitor_votes", x => x.id);
                    table.ForeignKey(
                        name: "fk_visitor_votes_examples_example_id",
                        column: x => x.example_id,
                        principalTable: "examples",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_correction_reports_example_id_reported_at",
                table: "correction_reports",
                columns: new[] { "example_id", "reported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_dataset_id_batch_id",
                table: "review_decisions",
                columns: new[] { "dataset_id", "batch_id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_dataset_id_example_id_id",
                table: "review_decisions",
                columns: new[] { "dataset_id", "example_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_example_id",
                table: "review_decisions",
                column: "example_id");

            migrationBuilder.CreateIndex(
                name: "ix_visitor_tallies_disputed",
                table: "visitor_tallies",
                column: "example_id",
                filter: "is_disputed");

            migrationBuilder.CreateIndex(
                name: "ix_visitor_votes_example_id_browser_id",
                table: "visitor_votes",
                columns: new[] { "example_id", "browser_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "correction_reports");

            migrationBuilder.DropTable(
                name: "review_decisions");

            migrationBuilder.DropTable(
                name: "visitor_tallies");

            migrationBuilder.DropTable(
                name: "visitor_votes");
        }
    }
}
