using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class L20Leave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "preferences",
                table: "sponsorship_programs",
                type: "jsonb",
                nullable: false,
                // Every existing program: no preference (the shape EF writes for a new ProgramPreferences).
                defaultValue: "{\"Counties\":[],\"Gender\":null,\"Grades\":[],\"GreatestNeed\":\"none\",\"LearningNeeds\":[],\"Schools\":[]}");

            migrationBuilder.AddColumn<int>(
                name: "substitutes_offered",
                table: "sponsorship_programs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "leave_note",
                table: "sponsored_children",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "leave_reason",
                table: "sponsored_children",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "left_at",
                table: "sponsored_children",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "preferences",
                table: "sponsorship_programs");

            migrationBuilder.DropColumn(
                name: "substitutes_offered",
                table: "sponsorship_programs");

            migrationBuilder.DropColumn(
                name: "leave_note",
                table: "sponsored_children");

            migrationBuilder.DropColumn(
                name: "leave_reason",
                table: "sponsored_children");

            migrationBuilder.DropColumn(
                name: "left_at",
                table: "sponsored_children");
        }
    }
}
