using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadTaskAndOutliers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_outlier",
                table: "examples",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "outlier_score",
                table: "examples",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_task",
                table: "datasets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Every upload made before tasks existed is multi-class.
            migrationBuilder.Sql("UPDATE datasets SET upload_task = 'MultiClass' WHERE upload_share_token IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_is_outlier_outlier_score",
                table: "examples",
                columns: new[] { "dataset_id", "is_outlier", "outlier_score" },
                filter: "is_outlier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_is_outlier_outlier_score",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "is_outlier",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "outlier_score",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "upload_task",
                table: "datasets");
        }
    }
}
