using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ai_generated_at",
                table: "partner_resources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ai_model",
                table: "partner_resources",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ai_provider",
                table: "partner_resources",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "edited_at",
                table: "partner_resources",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "grade",
                table: "partner_resources",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "learning_area",
                table: "partner_resources",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "lesson_json",
                table: "partner_resources",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "prompt",
                table: "partner_resources",
                type: "character varying(1000)",
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
