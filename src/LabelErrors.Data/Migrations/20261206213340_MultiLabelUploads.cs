using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class MultiLabelUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "example_class_labels",
                columns: table => new
                {
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    example_id = table.Column<long>(type: "bigint", nullable: false),
                    class_index = table.Column<int>(type: "integer", nullable: false),
                    is_given = table.Column<bool>(type: "boolean", nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: false),
                    quality = table.Column<double>(type: "double precision", nullable: false),
                    issue = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_example_class_labels", x => new { x.dataset_id, x.example_id, x.class_index });
                    table.ForeignKey(
                        name: "fk_example_class_labels_examples_dataset_id_example_id",
                        columns: x => new { x.dataset_id, x.example_id },
                        principalTable: "examples",
                        principalColumns: new[] { "dataset_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_example_class_labels_dataset_id_class_index_example_id",
                table: "example_class_labels",
                columns: new[] { "dataset_id", "class_index", "example_id" });

            migrationBuilder.CreateIndex(
                name: "ix_example_class_labels_dataset_id_issue_example_id",
                table: "example_class_labels",
                columns: new[] { "dataset_id", "issue", "example_id" },
                filter: "issue IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "example_class_labels");
        }
    }
}
