using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class MultiAnnotatorUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "annotator_agreement",
                table: "examples",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "num_annotations",
                table: "examples",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "example_annotations",
                columns: table => new
                {
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    annotator = table.Column<int>(type: "integer", nullable: false),
                    label = table.Column<int>(type: "integer", nullable: false),
                    label_quality = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_example_annotations", x => new { x.dataset_id, x.example_id, x.annotator });
                    table.ForeignKey(
                        name: "fk_example_annotations_examples_dataset_id_example_id",
                        columns: x => new { x.dataset_id, x.example_id },
                        principalTable: "examples",
                        principalColumns: new[] { "dataset_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "upload_annotators",
                columns: table => new
                {
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    annotator = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    annotator_quality = table.Column<double>(type: "double precision", nullable: true),
                    agreement_with_consensus = table.Column<double>(type: "double precision", nullable: false),
                    worst_class = table.Column<int>(type: "integer", nullable: false),
                    num_examples_labeled = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_annotators", x => new { x.dataset_id, x.annotator });
                    table.ForeignKey(
                        name: "fk_upload_annotators_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_example_annotations_dataset_id_annotator_example_id",
                table: "example_annotations",
                columns: new[] { "dataset_id", "annotator", "example_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "example_annotations");

            migrationBuilder.DropTable(
                name: "upload_annotators");

            migrationBuilder.DropColumn(
                name: "annotator_agreement",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "num_annotations",
                table: "examples");
        }
    }
}
