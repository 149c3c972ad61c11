using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LabelErrors.Data.Migrations
{
    /// <inheritdoc />
    public partial class VisitorQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "heard_labels",
                table: "visitor_votes",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "label_votes_json",
                table: "visitor_tallies",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "negative",
                table: "visitor_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "positive",
                table: "visitor_tallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "heard_labels",
                table: "visitor_votes");

            migrationBuilder.DropColumn(
                name: "label_votes_json",
                table: "visitor_tallies");

            migrationBuilder.DropColumn(
                name: "negative",
                table: "visitor_tallies");

            migrationBuilder.DropColumn(
                name: "positive",
                table: "visitor_tallies");
        }
    }
}
