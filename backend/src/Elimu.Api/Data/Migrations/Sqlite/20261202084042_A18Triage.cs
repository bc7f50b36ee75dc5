using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class A18Triage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ai_triage_model",
                table: "partner_tickets",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ai_generated_at",
                table: "partner_resources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ai_model",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ai_provider",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "edited_at",
                table: "partner_resources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "grade",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "learning_area",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lesson_json",
                table: "partner_resources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prompt",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ai_triage_model",
                table: "partner_tickets");

            migrationBuilder.DropColumn(
                name: "ai_generated_at",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "ai_model",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "ai_provider",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "edited_at",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "grade",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "learning_area",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "lesson_json",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "prompt",
                table: "partner_resources");
        }
    }
}
