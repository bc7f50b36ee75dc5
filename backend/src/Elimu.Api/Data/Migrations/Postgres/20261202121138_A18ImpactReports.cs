using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class A18ImpactReports : Migration
    {
        /// <inheritdoc />
        // Reports written before the job existed (the demo ones) are complete: they get that status, full progress and an empty breakdown.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "breakdown",
                table: "partner_impact_reports",
                type: "text",
                nullable: false,
                defaultValue: "{\"areas\":[],\"competencies\":[],\"weeks\":[]}");

            migrationBuilder.AddColumn<DateTime>(
                name: "completed_at",
                table: "partner_impact_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "error",
                table: "partner_impact_reports",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "heartbeat_at",
                table: "partner_impact_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "progress",
                table: "partner_impact_reports",
                type: "integer",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<Guid>(
                name: "requested_by",
                table: "partner_impact_reports",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stage",
                table: "partner_impact_reports",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "partner_impact_reports",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "completed");

            migrationBuilder.CreateIndex(
                name: "ix_partner_impact_reports_status_heartbeat_at",
                table: "partner_impact_reports",
                columns: new[] { "status", "heartbeat_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partner_impact_reports_status_heartbeat_at",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "breakdown",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "completed_at",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "error",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "requested_by",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "stage",
                table: "partner_impact_reports");

            migrationBuilder.DropColumn(
                name: "status",
                table: "partner_impact_reports");
        }
    }
}
