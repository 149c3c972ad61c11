using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class Uploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "issue_rank",
                table: "examples",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_upload",
                table: "datasets",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "upload_class_names_file",
                table: "datasets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_content",
                table: "datasets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "upload_created_at",
                table: "datasets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_health_json",
                table: "datasets",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "upload_health_score",
                table: "datasets",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "upload_is_listed",
                table: "datasets",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_labels_file",
                table: "datasets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_owner_key_hash",
                table: "datasets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_pred_probs_file",
                table: "datasets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_share_token",
                table: "datasets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "upload_storage_path",
                table: "datasets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "worker_id",
                table: "analysis_jobs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "client_key",
                table: "analysis_jobs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples",
                columns: new[] { "dataset_id", "issue_rank" });

            migrationBuilder.CreateIndex(
                name: "ix_datasets_upload_share_token",
                table: "datasets",
                column: "upload_share_token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_analysis_jobs_client_key_state",
                table: "analysis_jobs",
                columns: new[] { "client_key", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_examples_dataset_id_issue_rank",
                table: "examples");

            migrationBuilder.DropIndex(
                name: "ix_datasets_upload_share_token",
                table: "datasets");

            migrationBuilder.DropIndex(
                name: "ix_analysis_jobs_client_key_state",
                table: "analysis_jobs");

            migrationBuilder.DropColumn(
                name: "issue_rank",
                table: "examples");

            migrationBuilder.DropColumn(
                name: "is_upload",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_class_names_file",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_content",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_created_at",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_health_json",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_health_score",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_is_listed",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_labels_file",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_owner_key_hash",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_pred_probs_file",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_share_token",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "upload_storage_path",
                table: "datasets");

            migrationBuilder.DropColumn(
                name: "client_key",
                table: "analysis_jobs");

            migrationBuilder.AlterColumn<string>(
                name: "worker_id",
                table: "analysis_jobs",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }
    }
}
